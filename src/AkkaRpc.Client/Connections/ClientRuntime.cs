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
    private static ClientRuntime? s_shared;

    private ClientRuntime(ActorSystem system, Remoting remoting, AkkaRpcClientOptions options, bool isShared)
    {
        System = system;
        Remoting = remoting;
        IsShared = isShared;
        Locator = new NodeLocator(this, options, system.LoggerFactory.CreateLogger<NodeLocator>());
    }

    public ActorSystem System { get; }

    public Remoting Remoting { get; }

    public NodeLocator Locator { get; }

    public bool IsShared { get; }

    /// <summary>
    /// The process-wide runtime, started on first use with that caller's options; later callers share its connection
    /// settings (cookie, timeouts, endpoints), as they share its socket.
    /// </summary>
    public static async ValueTask<ClientRuntime> SharedAsync(AkkaRpcClientOptions options, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref s_shared) is { } shared)
        {
            return shared;
        }

        await s_sharedGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return s_shared ??= await StartAsync(options, isShared: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            s_sharedGate.Release();
        }
    }

    public static Task<ClientRuntime> StartPrivateAsync(AkkaRpcClientOptions options, CancellationToken cancellationToken) =>
        StartAsync(options, isShared: false, cancellationToken);

    /// <summary>Closes the shared runtime, if started: its connections close; the next connect starts a new one.</summary>
    public static async Task ShutdownSharedAsync()
    {
        await s_sharedGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (s_shared is { } shared)
            {
                s_shared = null;
                await shared.CloseAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            s_sharedGate.Release();
        }
    }

    /// <summary>Closes a private runtime; the shared one lives until <see cref="ShutdownSharedAsync"/> or process exit.</summary>
    public ValueTask DisposeAsync() => IsShared ? ValueTask.CompletedTask : new ValueTask(CloseAsync());

    private static async Task<ClientRuntime> StartAsync(AkkaRpcClientOptions options, bool isShared, CancellationToken cancellationToken)
    {
        var system = ActorSystem.Create("akkarpc-client", new ActorSystemOptions
        {
            LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance,
            DefaultAskTimeout = options.RequestTimeout,
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
            return new ClientRuntime(system, remoting, options.Clone(), isShared);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CloseAsync()
    {
        await Remoting.DisposeAsync().ConfigureAwait(false);
        await System.Terminate().ConfigureAwait(false);
    }
}
