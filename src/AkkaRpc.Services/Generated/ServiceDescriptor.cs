using Akka.Actor;
using Akka.Serialization;

namespace AkkaRpc.Services;

/// <summary>
/// What the source generator writes for one <see cref="AkkaRpcServiceAttribute"/> interface: its serializer, proxy,
/// dispatcher and declared exceptions. Generated code registers one with <see cref="ServiceDescriptors.Register{TService}"/>;
/// applications do not implement it.
/// </summary>
/// <typeparam name="TService">The service interface.</typeparam>
public abstract class ServiceDescriptor<TService>
    where TService : class
{
    /// <summary>Gets the interface's Akka serializer id.</summary>
    public abstract int SerializerId { get; }

    /// <summary>Gets every generated call and result message type, each bound to the serializer.</summary>
    public abstract IReadOnlyList<Type> MessageTypes { get; }

    /// <summary>Creates the interface's serializer for <paramref name="system"/>.</summary>
    public abstract Serializer CreateSerializer(ExtendedActorSystem system);

    /// <summary>Creates a proxy that sends each call over <paramref name="channel"/>.</summary>
    public abstract TService CreateProxy(ServiceChannel channel);

    /// <summary>Runs <paramref name="call"/> on <paramref name="service"/> and returns its reply (<see cref="ServiceDone"/> for no result).</summary>
    public abstract Task<ServiceReply> DispatchAsync(TService service, ServiceCall call, CancellationToken cancellationToken);

    /// <summary>The index of <paramref name="exception"/>'s type among the interface's <see cref="ThrowsAttribute"/>s, or -1.</summary>
    public abstract int DeclaredIndexOf(Exception exception);

    /// <summary>Creates the declared exception of <paramref name="index"/> with <paramref name="message"/>, or null if there is none.</summary>
    public abstract Exception? CreateDeclared(int index, string message);
}
