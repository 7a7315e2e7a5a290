using Akka.Configuration;
using AkkaRpc.Protocol.Serialization;

namespace AkkaRpc.Protocol;

/// <summary>The HOCON that makes Akka serialize every AkkaRpc message with our binary serializers, never Newtonsoft.</summary>
public static class ProtocolConfig
{
    /// <summary>Gets the message types each serializer is bound to; subtypes follow their base (every request, reply and error).</summary>
    public static IReadOnlyDictionary<Type, int> Bindings { get; } = new Dictionary<Type, int>
    {
        [typeof(DatabaseRequest)] = DatabaseMessageSerializer.Id,
        [typeof(DatabaseReply)] = DatabaseMessageSerializer.Id,
        [typeof(Resolve)] = DatabaseMessageSerializer.Id,
        [typeof(LocateOwner)] = DatabaseMessageSerializer.Id,
        [typeof(GetNodeStatus)] = NodeMessageSerializer.Id,
        [typeof(StopNode)] = NodeMessageSerializer.Id,
        [typeof(NodeStatus)] = NodeMessageSerializer.Id,
        [typeof(NodeStopping)] = NodeMessageSerializer.Id,
    };

    /// <summary>
    /// Gets <c>akka.actor.serializers</c> and <c>serialization-bindings</c> for our serializers; every system that sends
    /// or receives AkkaRpc messages (node, client, an application's own) needs it, e.g. as a fallback of its config.
    /// </summary>
    public static Config Serialization { get; } = ConfigurationFactory.ParseString(BuildHocon());

    private static string BuildHocon()
    {
        var names = new Dictionary<int, (string Name, Type Serializer)>
        {
            [DatabaseMessageSerializer.Id] = ("akkarpc-database", typeof(DatabaseMessageSerializer)),
            [NodeMessageSerializer.Id] = ("akkarpc-node", typeof(NodeMessageSerializer)),
        };
        var serializers = string.Join('\n', names.Values.Select(n => $"      {n.Name} = \"{TypeName(n.Serializer)}\""));
        var bindings = string.Join('\n', Bindings.Select(b => $"      \"{TypeName(b.Key)}\" = {names[b.Value].Name}"));
        return $$"""
            akka.actor {
              serializers {
            {{serializers}}
              }
              serialization-bindings {
            {{bindings}}
              }
            }
            """;
    }

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
