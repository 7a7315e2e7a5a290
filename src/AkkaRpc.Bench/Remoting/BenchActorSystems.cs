using System.Diagnostics.CodeAnalysis;
using Akka.Actor;
using Akka.Configuration;
using AkkaRpc.Bench.Serialization;

namespace AkkaRpc.Bench.Remoting;

/// <summary>
/// Creates the plain Akka actor systems the bench runs in (a coordinator's, a worker's): the worker protocol's
/// serializer bindings always, remoting only when load crosses processes, and quiet logging, since the command line
/// prints its own progress.
/// </summary>
internal static class BenchActorSystems
{
    /// <summary>The coordinator's system name; workers address it as <c>scheme://AkkaRpcBench@host:port</c>.</summary>
    public const string CoordinatorSystemName = "AkkaRpcBench";

    /// <summary>Gets what every bench system runs with, under whatever a caller adds.</summary>
    public static Akka.Configuration.Config Defaults { get; } = ConfigurationFactory.ParseString("""
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          log-dead-letters-during-shutdown = off
        }
        """).WithFallback(BenchSerialization.Config);

    /// <summary>Creates a system named <paramref name="name"/> with <paramref name="config"/> (e.g. remoting) over <see cref="Defaults"/>.</summary>
    /// <remarks>Akka creates the serializer by name from HOCON: its constructor is kept for a trimmed (NativeAOT) build.</remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(BenchMessageSerializer))]
    public static ActorSystem Create(string name, Akka.Configuration.Config? config = null) =>
        ActorSystem.Create(name, config is null ? Defaults : config.WithFallback(Defaults));

    /// <summary>Returns the address the system is reachable at: its remoting address, or its local one.</summary>
    public static Address AddressOf(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return ((ExtendedActorSystem)system).Provider.DefaultAddress;
    }
}
