using Akka.Configuration;
using AkkaRpc.Bench.Protocol;

namespace AkkaRpc.Bench.Serialization;

/// <summary>The HOCON that binds every worker protocol message to <see cref="BenchMessageSerializer"/> under its fixed identifier.</summary>
internal static class BenchSerialization
{
    /// <summary>The serializer's name in <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "akkarpc-bench";

    /// <summary>The messages that cross the wire between a coordinator and its workers, each bound to the serializer.</summary>
    public static IReadOnlyList<Type> WireMessages { get; } =
        [typeof(RegisterWorker), typeof(WorkerRegistered), typeof(RunShare), typeof(ShareCompleted), typeof(WorkerDismissed)];

    /// <summary>Gets the bindings as HOCON, for any actor system a coordinator or worker runs in.</summary>
    public static Akka.Configuration.Config Config { get; } = ConfigurationFactory.ParseString(Hocon());

    private static string Hocon()
    {
        string serializer = Qualified(typeof(BenchMessageSerializer));
        string bindings = string.Join("\n", WireMessages.Select(t => $"      \"{Qualified(t)}\" = {SerializerName}"));
        return $$"""
            akka.actor {
              serializers {
                {{SerializerName}} = "{{serializer}}"
              }
              serialization-bindings {
            {{bindings}}
              }
              serialization-identifiers {
                "{{serializer}}" = {{BenchMessageSerializer.Id}}
              }
            }
            """;
    }

    // Type and assembly name only: Akka resolves it with Type.GetType, and a version in the name would pin a build.
    private static string Qualified(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
