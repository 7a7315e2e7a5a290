using System.Runtime.CompilerServices;
using Akka.Actor;

namespace AkkaRpc.Services.Serialization;

/// <summary>
/// Adds the services' serializer (7304) and a service interface's generated one to an actor system at run time, binding
/// each message type exactly: nothing in HOCON has to name the generated types.
/// </summary>
internal static class ServiceSerialization
{
    private static readonly ConditionalWeakTable<ActorSystem, HashSet<int>> s_added = new();

    /// <summary>Makes <paramref name="system"/> able to send and receive <typeparamref name="TService"/>'s messages; once per system and interface.</summary>
    public static void Ensure<TService>(ActorSystem system, ServiceDescriptor<TService> descriptor)
        where TService : class
    {
        var added = s_added.GetValue(system, _ => []);
        lock (added)
        {
            if (added.Contains(descriptor.SerializerId))
            {
                return;
            }

            var extended = (ExtendedActorSystem)system;
            if (added.Add(ServiceMessageSerializer.Id))
            {
                Add(extended, new ServiceMessageSerializer(extended), ServiceMessageSerializer.Types);
            }

            if (descriptor.SerializerId == ServiceMessageSerializer.Id)
            {
                throw new InvalidOperationException($"{typeof(TService).FullName} uses serializer id {ServiceMessageSerializer.Id}, which is AkkaRpc's own; pick another in [AkkaRpcService].");
            }

            Add(extended, descriptor.CreateSerializer(extended), descriptor.MessageTypes);
            added.Add(descriptor.SerializerId);
        }
    }

    private static void Add(ExtendedActorSystem system, Akka.Serialization.Serializer serializer, IEnumerable<Type> types)
    {
        system.Serialization.AddSerializer("akkarpc-service-" + serializer.Identifier.ToString(System.Globalization.CultureInfo.InvariantCulture), serializer);
        foreach (var type in types)
        {
            system.Serialization.AddSerializationMap(type, serializer);
        }
    }
}
