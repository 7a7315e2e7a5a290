using Akka.Actor;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Services.Actors;

/// <summary>
/// The client side of the hand-written echo service: <c>Ask</c> with the service's own messages, the baseline the
/// generated proxy is measured against (the "proxy adds ≤ 5 µs over a hand-written message").
/// </summary>
/// <remarks>
/// Simulated clients share one actor system and so one connection, as an application's callers do (and as the AkkaRpc
/// systems of the bench do); the connection scenario opens private ones (<see cref="ConnectFreshAsync"/>): an actor
/// system, an association with the cookie handshake and the resolve, what a new process pays.
/// </remarks>
internal sealed class ActorServiceSystem(SystemEndpoint endpoint, string? cookiePath = null) : IBenchSystem
{
    private static readonly TimeSpan s_resolveTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ActorSystem System, IActorRef Service)? _shared;

    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <inheritdoc/>
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _shared ??= await OpenAsync(cancellationToken).ConfigureAwait(false);
            var connection = new Connection(_shared.Value.Service, owned: null);
            await connection.PingAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<IBenchConnection> ConnectFreshAsync(CancellationToken cancellationToken)
    {
        var (system, service) = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var connection = new Connection(service, owned: system);
        try
        {
            await connection.PingAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_shared is { } shared)
        {
            await CoordinatedShutdown.Get(shared.System).Run(BenchFinished.SystemUnderTest).ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    private async Task<(ActorSystem, IActorRef)> OpenAsync(CancellationToken cancellationToken)
    {
        var system = BenchActorSystems.Create("AkkaRpcBenchCaller", ServiceActorConfig.Client(Endpoint.Address, cookiePath));
        try
        {
            // Selected by a parsed path: Akka's string overload takes a Unix socket address (a '%' in its host) for a local path.
            if (!ActorPath.TryParse($"{Endpoint.Address}/user/{EchoServiceActor.Name}", out var path))
            {
                throw new FormatException($"'{Endpoint.Address}' is not an actor system address (akka.rpc.tcp://System@host:port or akka.rpc.unix://System@<encoded path>:0).");
            }

            var service = await system.ActorSelection(path).ResolveOne(s_resolveTimeout, cancellationToken).ConfigureAwait(false);
            return (system, service);
        }
        catch
        {
            await CoordinatedShutdown.Get(system).Run(BenchFinished.SystemUnderTest).ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Connection(IActorRef service, ActorSystem? owned) : ServiceConnection
    {
        public override async Task<Transfer> PingAsync(CancellationToken cancellationToken)
        {
            var result = await AskAsync<ComputeResult>(new ComputeCall(1, 2), cancellationToken).ConfigureAwait(false);
            return result.Sum == 3 ? Transfer.None : throw new InvalidDataException($"1 + 2 came back as {result.Sum}.");
        }

        public override async Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken)
        {
            var data = ServiceCalls.Source.AsMemory(0, ServiceCalls.EchoBytes);
            var reply = await AskAsync<PayloadReply>(new EchoCall(data), cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length("An echo", reply.Data.Length, data.Length);
            return Transfer.None;
        }

        public override async Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken)
        {
            var result = await AskAsync<ComputeResult>(new ComputeCall(value, 7), cancellationToken).ConfigureAwait(false);
            return result.Sum == unchecked(value + 7) ? Transfer.None : throw new InvalidDataException($"{value} + 7 came back as {result.Sum}.");
        }

        public override async ValueTask DisposeAsync()
        {
            if (owned is not null)
            {
                await CoordinatedShutdown.Get(owned).Run(BenchFinished.SystemUnderTest).ConfigureAwait(false);
            }
        }

        protected override async Task<Transfer> UploadAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            var reply = await AskAsync<LengthReply>(new UploadCall(data), cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length("An upload's answer", reply.Bytes, data.Length);
            return new Transfer(data.Length, 0);
        }

        protected override async Task<Transfer> DownloadAsync(int bytes, CancellationToken cancellationToken)
        {
            var reply = await AskAsync<PayloadReply>(new DownloadCall(bytes), cancellationToken).ConfigureAwait(false);
            PayloadCheck.Length("A download", reply.Data.Length, bytes);
            return new Transfer(0, reply.Data.Length);
        }

        private async Task<T> AskAsync<T>(object call, CancellationToken cancellationToken)
        {
            object reply = await service.Ask(call, s_callTimeout, cancellationToken).ConfigureAwait(false);
            return reply switch
            {
                T answer => answer,
                CallRefused refused => throw new ArgumentException(refused.Reason),
                _ => throw new InvalidDataException($"The echo service answered {reply.GetType().Name} where {typeof(T).Name} was expected."),
            };
        }
    }
}
