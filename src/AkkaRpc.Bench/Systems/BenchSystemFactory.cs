using System.Collections.Concurrent;
using AkkaRpc.Client;
using AkkaRpc.Bench.Systems.AkkaRpc;
using AkkaRpc.Bench.Systems.Http;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems.Owner;
using AkkaRpc.Bench.Systems.Raw;
using AkkaRpc.Bench.Systems.Sqlite;

namespace AkkaRpc.Bench.Systems;

/// <summary>The real systems, made from their endpoints and kept for the life of the process.</summary>
/// <param name="configuration">
/// The bench configuration: the cookie the AkkaRpc clients authenticate with (<c>akkarpc.remote.cookie-path</c>) and the
/// in-process owner's databases (<c>akkarpc.databases</c>); null for the shipped defaults.
/// </param>
internal sealed class BenchSystemFactory(BenchConfiguration? configuration = null) : IBenchSystemFactory, IAsyncDisposable
{
    private readonly BenchConfiguration _configuration = configuration ?? BenchConfiguration.Defaults;
    private readonly ConcurrentDictionary<SystemEndpoint, IBenchSystem> _systems = new();

    /// <inheritdoc/>
    public IBenchSystem Get(SystemEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _systems.GetOrAdd(endpoint, e => e.Kind switch
        {
            // The same node through the same client: the address picks our transport or Akka.Remote's stock one.
            SystemKind.AkkaRpc or SystemKind.AkkaDotNetty => new AkkaRpcBenchSystem(e, _configuration.CookiePath),
            SystemKind.AkkaRpcCluster => new Cluster.ClusterBenchSystem(e, _configuration.CookiePath),
            SystemKind.DatabaseOwner => new OwnerBenchSystem(e, _configuration.Settings),
            SystemKind.Http => new HttpBenchSystem(e),
            SystemKind.RawSocket => new RawSocketSystem(e),
            SystemKind.InProcessSqlite => new InProcessSqliteSystem(e),
            SystemKind.ServiceActor => new Services.Actors.ActorServiceSystem(e, _configuration.CookiePath),
            SystemKind.Grpc => new Services.Grpc.GrpcServiceSystem(e),
            SystemKind.Rest => new Services.Rest.RestServiceSystem(e),
            SystemKind.ServiceProxy => new Services.Proxy.ServiceProxySystem(e, _configuration.CookiePath),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), e.Kind, "No adapter for this system kind."),
        });
    }

    /// <inheritdoc/>
    /// <remarks>Also closes the process's shared AkkaRpc client systems, which every AkkaRpc system here used, while their nodes still run.</remarks>
    public async ValueTask DisposeAsync()
    {
        foreach (var system in _systems.Values)
        {
            await system.DisposeAsync().ConfigureAwait(false);
        }

        if (_systems.Keys.Any(e => e.Kind is SystemKind.AkkaRpc or SystemKind.AkkaDotNetty or SystemKind.ServiceProxy or SystemKind.AkkaRpcCluster))
        {
            await AkkaRpcClient.ShutdownAsync().ConfigureAwait(false);
        }
    }
}
