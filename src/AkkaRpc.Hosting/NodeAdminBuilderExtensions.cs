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
    public static AkkaRpcBuilder WithNodeAdmin(this AkkaRpcBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithStartup((system, registry, services, _) =>
        {
            var configuration = services.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build();
            var options = NodeOptionsReader.Read(configuration);
            var remoting = services.GetService<RemotingBuilderExtensions.RemotingHolder>()?.Remoting;
            registry.TryGet<DatabasesSupervisor>(out var databases);
            var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
            system.ActorOf(NodeAdmin.Props(remoting, databases, lifetime.StopApplication, options), NodePaths.AdminName);
            return Task.CompletedTask;
        });
    }
}
