using System.Collections.Concurrent;
using AkkaRpc.Bench.Systems.AkkaRpc;
using AkkaRpc.Bench.Systems.Http;
using AkkaRpc.Bench.Systems.Raw;
using AkkaRpc.Bench.Systems.Sqlite;

namespace AkkaRpc.Bench.Systems;

/// <summary>The real systems, made from their endpoints and kept for the life of the process.</summary>
internal sealed class BenchSystemFactory : IBenchSystemFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<SystemEndpoint, IBenchSystem> _systems = new();

    /// <inheritdoc/>
    public IBenchSystem Get(SystemEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _systems.GetOrAdd(endpoint, static e => e.Kind switch
        {
            SystemKind.AkkaRpc => new AkkaRpcBenchSystem(e),
            SystemKind.Http => new HttpBenchSystem(e),
            SystemKind.RawSocket => new RawSocketSystem(e),
            SystemKind.InProcessSqlite => new InProcessSqliteSystem(e),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), e.Kind, "Unknown system kind."),
        });
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var system in _systems.Values)
        {
            await system.DisposeAsync().ConfigureAwait(false);
        }
    }
}
