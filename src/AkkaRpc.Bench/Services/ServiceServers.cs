using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Services;

/// <summary>Starts the servers of <c>akkarpc bench services</c> a run asks for, each in a process of its own, and says where each system is.</summary>
internal static class ServiceServers
{
    /// <summary>The hidden command that runs one server (see <see cref="ServiceServerHost"/>).</summary>
    public const string Command = "bench-service-server";

    /// <summary>
    /// Starts the AkkaRpc service, hand-written actor, gRPC and REST servers that <paramref name="wanted"/> names through <paramref name="start"/>
    /// (arguments, "listening at" lines to wait for), adds them to <paramref name="servers"/> and each system's endpoint
    /// to <paramref name="found"/>. Their Unix sockets go in <paramref name="directory"/>.
    /// </summary>
    public static async Task StartAsync(
        IReadOnlySet<string> wanted,
        string directory,
        string configPath,
        Func<IReadOnlyList<string>, int, CancellationToken, Task<ServerProcess>> start,
        ICollection<ServerProcess> servers,
        IDictionary<string, SystemEndpoint> found,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(found);
        // The AkkaRpc service and the hand-written actor: each in a process of its own, on TCP and, when asked, a Unix socket.
        foreach (var (tcpKey, unixKey, kind, name) in new[]
        {
            (ServiceCatalog.ServicesTcp, ServiceCatalog.ServicesUnix, SystemKind.ServiceProxy, "service"),
            (ServiceCatalog.ActorTcp, ServiceCatalog.ActorUnix, SystemKind.ServiceActor, "actor"),
        })
        {
            if (!wanted.Contains(tcpKey) && !wanted.Contains(unixKey))
            {
                continue;
            }

            var args = new List<string> { Command, "--kind", name, "--port", "0", "--config", configPath };
            bool unix = wanted.Contains(unixKey);
            if (unix)
            {
                args.AddRange(["--socket", Path.Combine(directory, name + ".sock")]);
            }

            var server = await start(args, unix ? 2 : 1, cancellationToken).ConfigureAwait(false);
            servers.Add(server);
            foreach (var address in server.Addresses)
            {
                string key = address.StartsWith("akka.rpc.unix://", StringComparison.Ordinal) ? unixKey : tcpKey;
                if (wanted.Contains(key))
                {
                    found[key] = new SystemEndpoint(key, kind, address, string.Empty);
                }
            }
        }

        foreach (var (key, kind, name) in new[] { (ServiceCatalog.Grpc, SystemKind.Grpc, "grpc"), (ServiceCatalog.Rest, SystemKind.Rest, "rest") })
        {
            if (wanted.Contains(key))
            {
                var server = await start([Command, "--kind", name, "--port", "0"], 1, cancellationToken).ConfigureAwait(false);
                servers.Add(server);
                found[key] = new SystemEndpoint(key, kind, server.Addresses[0], string.Empty);
            }
        }
    }
}
