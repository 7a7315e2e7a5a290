using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using AkkaRpc.Protocol;

namespace AkkaRpc.Hosting;

/// <summary>
/// Adds AkkaRpc to an Akka.Hosting <see cref="AkkaConfigurationBuilder"/> (<c>services.AddAkka(...)</c>): a whole node
/// (<see cref="WithAkkaRpcNode"/>), or its parts (databases, transport, admin) in an application's own actor system,
/// or a client that reaches other nodes (<see cref="WithAkkaRpcClient"/>).
/// </summary>
public static partial class AkkaRpcHostingExtensions
{
    /// <summary>
    /// Everything <c>akkarpc serve</c> runs, from a configuration composed by <see cref="AkkaRpcConfiguration.Load"/>:
    /// its <c>akka</c> settings, the listening transports (<c>akkarpc.remote</c>), the databases (<c>akkarpc.databases</c>)
    /// and the node admin (<c>akkarpc.node</c>). If one of the node's top-level actors stops while the node runs, the node
    /// shuts down with a <see cref="NodeFailedReason"/> (a non-zero exit code), so that it is started afresh.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting does not parse; the message names its key.</exception>
    public static AkkaConfigurationBuilder WithAkkaRpcNode(this AkkaConfigurationBuilder builder, Config config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        var transport = NodeTransportOptionsReader.Read(config);
        var databases = DatabasesOptionsReader.Read(config);

        // A reply's rows must fit in one frame of this node's transport, with room for the reply around them.
        databases.Database.MaxReplyBytes = (int)Math.Min(databases.Database.MaxReplyBytes, transport.MaxFrameSize - NodeTransportOptions.ReplyOverhead);
        var node = NodeOptionsReader.Read(config);
        var cluster = ClusterOptionsReader.Read(config);
        if (cluster.Enabled && !transport.TcpEnabled)
        {
            throw new InvalidOperationException("akkarpc.cluster.enabled needs akkarpc.remote.tcp.enabled: members reach each other over TCP.");
        }

        // The file's and the flags' own akka.* settings go in last, in front: they win over ours (the transports'
        // included), so an operator can tune Akka itself.
        var akka = config.HasPath("akka") ? config.GetConfig("akka").MoveTo("akka") : Config.Empty;
        builder
            .WithAkkaRpcTransport(transport)
            .WithAkkaRpcDatabases(databases, cluster.Enabled ? cluster.Relay : null);
        if (cluster.Enabled)
        {
            builder.WithAkkaRpcCluster(cluster).AddHocon(transport.ClusterTransportOrder(), HoconAddMode.Prepend);
        }

        return builder
            .WithAkkaRpcNodeAdmin(node)
            .WithActors((system, _) => system.ActorOf(NodeGuard.Props(), NodeGuard.Name))
            .AddHocon(akka, HoconAddMode.Prepend);
    }

    /// <summary>Binds every AkkaRpc message to AkkaRpc's binary serializers (see <see cref="ProtocolConfig"/>), never Newtonsoft.</summary>
    public static AkkaConfigurationBuilder WithAkkaRpcSerialization(this AkkaConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHocon(ProtocolConfig.Serialization, HoconAddMode.Append);
    }
}
