using System.Collections.Concurrent;
using AkkaRpc.Actors;
using AkkaRpc.Remote;
using AkkaRpc.Sqlite;
using AkkaRpc.Sqlite.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaRpc.Client;

/// <summary>
/// A client's actor system with client-only remoting (it listens nowhere) and its <see cref="NodeLocator"/>. One is shared
/// by every handle of the process, so they share one connection per node; a private one belongs to a single handle.
/// </summary>
internal sealed class ClientRuntime : IAsyncDisposable
{
    private static readonly SemaphoreSlim s_sharedGate = new(1, 1);
    private static readonly Dictionary<TransportKey, ClientRuntime> s_shared = [];
    private readonly ConcurrentDictionary<LocatorKey, NodeLocator> _locators = new();

    private ClientRuntime(ActorSystem system, Remoting remoting, bool isShared)
    {
        System = system;
        Remoting = remoting;
        IsShared = isShared;
    }

    public ActorSystem System { get; }

    public Remoting Remoting { get; }

    public bool IsShared { get; }

    /// <summary>
    /// The process-wide runtime for these transport settings (cookie, connect timeout, logging), started on first use.
    /// Handles with the same settings share it and so share one connection per node.
    /// </summary>
    public static async ValueTask<ClientRuntime> SharedAsync(AkkaRpcClientOptions options, CancellationToken cancellationToken)
    {
        var key = TransportKey.Of(options);
        await s_sharedGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!s_shared.TryGetValue(key, out var runtime))
            {
                runtime = await StartAsync(options, isShared: true, cancellationToken).ConfigureAwait(false);
                s_shared.Add(key, runtime);
            }

            return runtime;
        }
        finally
        {
            s_sharedGate.Release();
        }
    }

    public static Task<ClientRuntime> StartPrivateAsync(AkkaRpcClientOptions options, CancellationToken cancellationToken) =>
        StartAsync(options, isShared: false, cancellationToken);

    /// <summary>Closes the shared runtimes, if started: their connections close; the next connect starts new ones.</summary>
    public static async Task ShutdownSharedAsync()
    {
        await s_sharedGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var runtimes = s_shared.Values.ToList();
            s_shared.Clear();
            foreach (var runtime in runtimes)
            {
                await runtime.CloseAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            s_sharedGate.Release();
        }
    }

    /// <summary>The locator for these endpoints and spawn settings; handles that look in the same places share it, and so share the node they found.</summary>
    public NodeLocator LocatorFor(AkkaRpcClientOptions options) =>
        _locators.GetOrAdd(LocatorKey.Of(options), static (_, state) => new NodeLocator(state.Runtime, state.Options.Clone(), state.Runtime.System.LoggerFactory.CreateLogger<NodeLocator>()), (Runtime: this, Options: options));

    /// <summary>Closes a private runtime; the shared one lives until <see cref="ShutdownSharedAsync"/> or process exit.</summary>
    public ValueTask DisposeAsync() => IsShared ? ValueTask.CompletedTask : new ValueTask(CloseAsync());

    private static async Task<ClientRuntime> StartAsync(AkkaRpcClientOptions options, bool isShared, CancellationToken cancellationToken)
    {
        // Every ask names its own timeout, so the system's default ask timeout plays no part here.
        var system = ActorSystem.Create("akkarpc-client", new ActorSystemOptions
        {
            LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance,
        });
        try
        {
            var remoting = await Remoting.StartAsync(
                system,
                new RemotingOptions
                {
                    ListenTcp = false,
                    ConnectTimeout = options.ConnectTimeout,
                    Transport = new RemoteTransportOptions { CookiePath = options.CookiePath, HandshakeTimeout = options.ConnectTimeout },
                },
                SqliteCodecs.CreateRegistry(),
                cancellationToken).ConfigureAwait(false);
            return new ClientRuntime(system, remoting, isShared);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    private sealed record TransportKey(string? CookiePath, TimeSpan ConnectTimeout, ILoggerFactory? LoggerFactory)
    {
        public static TransportKey Of(AkkaRpcClientOptions o) => new(o.CookiePath is null ? null : Path.GetFullPath(o.CookiePath), o.ConnectTimeout, o.LoggerFactory);
    }

    private sealed record LocatorKey(
        string? UnixSocket, string TcpHost, int TcpPort, int TcpPortCount, string SystemName, bool AutoSpawn, string? RuntimeDirectory,
        string? DataDirectory, string? ServerExecutable, TimeSpan SpawnTimeout, TimeSpan IdleShutdown, TimeSpan RequestTimeout)
    {
        public static LocatorKey Of(AkkaRpcClientOptions o) => new(
            o.UnixSocket, o.TcpHost, o.TcpPort, o.TcpPortCount, o.SystemName, o.AutoSpawn, o.RuntimeDirectory,
            o.DataDirectory, o.ServerExecutable, o.SpawnTimeout, o.IdleShutdown, o.RequestTimeout);
    }

    private async Task CloseAsync()
    {
        await Remoting.DisposeAsync().ConfigureAwait(false);
        await System.Terminate().ConfigureAwait(false);
    }
}
