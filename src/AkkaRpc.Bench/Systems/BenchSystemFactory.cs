using System.Collections.Concurrent;
using AkkaRpc.Bench.Systems.AkkaDotNetty;
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

    /// <summary>Returns why systems of <paramref name="kind"/> cannot run in this build, or null when they can.</summary>
    public static string? Unavailable(SystemKind kind) => kind switch
    {
        SystemKind.AkkaDotNetty => AkkaDotNettySeam.Unavailable,
        _ => null,
    };

    /// <inheritdoc/>
    public IBenchSystem Get(SystemEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _systems.GetOrAdd(endpoint, e => Unavailable(e.Kind) is { } reason ? new PendingSystem(e, reason) : e.Kind switch
        {
            SystemKind.AkkaRpc => new AkkaRpcBenchSystem(e, _configuration.CookiePath),
            SystemKind.DatabaseOwner => new OwnerBenchSystem(e, _configuration.Settings),
            SystemKind.Http => new HttpBenchSystem(e),
            SystemKind.RawSocket => new RawSocketSystem(e),
            SystemKind.InProcessSqlite => new InProcessSqliteSystem(e),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), e.Kind, "No adapter for this system kind."),
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
