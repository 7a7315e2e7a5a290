using AkkaRpc.Actors;
using AkkaRpc.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaRpc.Hosting;

/// <summary>Adds the node's admin actor: status for <c>akkarpc status</c>, clean stop for <c>akkarpc stop</c>, idle shutdown.</summary>
public static class NodeAdminBuilderExtensions
{
    /// <summary>
    /// Starts <see cref="NodePaths.Admin"/> with <see cref="NodeOptions"/> from the configuration's <c>node</c> section
    /// (HOCON <c>akkarpc.node</c>). It answers <see cref="GetNodeStatus"/> and <see cref="StopNode"/>, and with
    /// <c>idle-shutdown</c> set stops the host after that long with no inbound connections. Add it after
    /// <c>WithDatabases()</c> and <c>WithRemoting()</c>, whose supervisor and connection count it reports.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options when the caller has already read them (as <c>serve</c> has, for its lock); null to read the configuration.</param>
    public static AkkaRpcBuilder WithNodeAdmin(this AkkaRpcBuilder builder, NodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithStartup((system, registry, services, _) =>
        {
            var node = options ?? NodeOptionsReader.Read(services.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build());
            var remoting = services.GetService<RemotingBuilderExtensions.RemotingHolder>()?.Remoting;
            registry.TryGet<DatabasesSupervisor>(out var databases);
            var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
            system.ActorOf(NodeAdmin.Props(remoting, databases, lifetime.StopApplication, node), NodePaths.AdminName);
            return Task.CompletedTask;
        });
    }
}
