using Akka;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Hosting;
using AkkaRpc.Protocol;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Bench.Systems.Owner;

/// <summary>
/// <c>owner_inprocess</c>: the benchmark's statements asked of a <see cref="DatabasesSupervisor"/>'s owner in the load
/// process, with no remoting and no client library in between, so <c>bench owner</c> shows what the actor layer costs
/// over a bare SQLite connection (<c>sqlite_inprocess</c>) with the same durability.
/// </summary>
/// <remarks>
/// A plain <see cref="ActorSystem"/> of its own with the protocol's serializers and the owners' dispatcher and mailbox,
/// the supervisor at <c>/user/databases</c> exactly as a node creates it, and the endpoint's directory as its data
/// directory. The owner is resolved once (<see cref="Resolve"/>); every operation is one <c>Ask</c> to it.
/// </remarks>
/// <param name="endpoint">The system's endpoint; its <see cref="SystemEndpoint.Address"/> is a fresh data directory.</param>
/// <param name="settings">The bench configuration; its <c>akkarpc.databases</c> section sets the owner up, the data directory replaced by the endpoint's.</param>
internal sealed class OwnerBenchSystem(SystemEndpoint endpoint, Config settings) : IBenchSystem
{
    /// <summary>How long one request may wait for its owner's answer; as the client's default request timeout.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ActorSystem? _system;
    private IActorRef? _supervisor;
    private IActorRef? _owner;

    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <inheritdoc/>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var owner = await OwnerAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in BenchSchema.Create)
        {
            await AskAsync<ExecuteResult>(owner, new Execute(statement), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken) =>
        new Connection(await OwnerAsync(cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_system is { } system)
        {
            await CoordinatedShutdown.Get(system).Run(BenchFinished.SystemUnderTest).ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    /// <summary>Asks <paramref name="owner"/> and returns its answer as <typeparamref name="T"/>; any other answer (a <see cref="DatabaseError"/>) throws.</summary>
    /// <exception cref="InvalidOperationException">The owner answered with an error, or with something else than <typeparamref name="T"/>.</exception>
    /// <exception cref="AskTimeoutException">No answer within <see cref="RequestTimeout"/>.</exception>
    internal static async Task<T> AskAsync<T>(IActorRef owner, object request, CancellationToken cancellationToken)
        where T : DatabaseReply
    {
        var reply = await owner.Ask<DatabaseReply>(request, RequestTimeout, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            T expected => expected,
            DatabaseError error => throw new InvalidOperationException($"{request.GetType().Name} failed: {error.Message} ({error.GetType().Name})"),
            _ => throw new InvalidOperationException($"{request.GetType().Name} was answered {reply.GetType().Name}, not {typeof(T).Name}."),
        };
    }

    private async Task<IActorRef> OwnerAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_owner is null)
            {
                _supervisor ??= Start();
                _owner = (await AskAsync<Resolved>(_supervisor, new Resolve(Endpoint.Database), cancellationToken).ConfigureAwait(false)).Owner;
            }

            return _owner;
        }
        finally
        {
            _gate.Release();
        }
    }

    private IActorRef Start()
    {
        // Read afresh: DatabaseOptions is mutable, and this copy is this system's alone.
        var options = DatabasesOptionsReader.Read(settings);
        options.Database.DataDirectory = Endpoint.Address;
        options.Database.CreateIfMissing = true;
        options.Database.ReadOnly = false;
        Directory.CreateDirectory(Endpoint.Address);
        var system = _system = BenchActorSystems.Create("AkkaRpcBenchOwner", ProtocolConfig.Serialization.WithFallback(AkkaRpcDatabases.DefaultConfig));

        // As a node does: queued requests are answered and every database closed before the system stops.
        return AkkaRpcDatabases.Start(system, options);
    }

    /// <summary>One simulated client's view of the owner: it asks, so overlapping calls simply queue in the owner's mailbox.</summary>
    private sealed class Connection(IActorRef owner) : IBenchConnection
    {
        public async Task<Transfer> PingAsync(CancellationToken cancellationToken)
        {
            await AskAsync<Pong>(owner, new Ping(), cancellationToken).ConfigureAwait(false);
            return Transfer.None;
        }

        public async Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken)
        {
            var result = await AskAsync<QueryResult>(owner, new Query(BenchSchema.PointQuery, SqlParameters.Named(("id", id))), cancellationToken).ConfigureAwait(false);
            return result.Rows.Count == 1 && ReadAll(result.Rows[0]) ? Transfer.None : throw new InvalidDataException($"Row {id} is missing.");
        }

        public async Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken)
        {
            await AskAsync<ExecuteResult>(owner, new Execute(BenchSchema.Insert, SqlParameters.Named(("value", value))), cancellationToken).ConfigureAwait(false);
            return Transfer.None;
        }

        public async Task<(long Id, Transfer Transfer)> UploadBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            var result = await AskAsync<QueryResult>(owner, new Query(BenchSchema.InsertBlob, SqlParameters.Named(("data", data))), cancellationToken).ConfigureAwait(false);
            long id = result.Rows.Count == 1 && result.Rows[0][0].Kind == SqlValueKind.Integer ? result.Rows[0][0].AsInteger() : throw new InvalidDataException("Storing a blob returned no id.");
            return (id, new Transfer(data.Length, 0));
        }

        public async Task<Transfer> DownloadBlobAsync(long id, int expectedLength, CancellationToken cancellationToken)
        {
            var result = await AskAsync<QueryResult>(owner, new Query(BenchSchema.SelectBlob, SqlParameters.Named(("id", id))), cancellationToken).ConfigureAwait(false);
            int length = BlobLength(result);
            PayloadCheck.Length($"Blob {id}", length, expectedLength);
            return new Transfer(0, length);
        }

        public async Task<Transfer> UploadChunkAsync(long transferId, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        {
            await AskAsync<ExecuteResult>(owner, new Execute(BenchSchema.InsertChunk, SqlParameters.Named(("transfer", transferId), ("seq", sequence), ("data", chunk))), cancellationToken).ConfigureAwait(false);
            return new Transfer(chunk.Length, 0);
        }

        public async Task<Transfer> DownloadChunkAsync(long transferId, int sequence, int expectedLength, CancellationToken cancellationToken)
        {
            var result = await AskAsync<QueryResult>(owner, new Query(BenchSchema.SelectChunk, SqlParameters.Named(("transfer", transferId), ("seq", sequence))), cancellationToken).ConfigureAwait(false);
            int length = BlobLength(result);
            PayloadCheck.Length($"Chunk {sequence} of file {transferId}", length, expectedLength);
            return new Transfer(0, length);
        }

        public async Task DeleteTransferAsync(long transferId, CancellationToken cancellationToken) =>
            await AskAsync<ExecuteResult>(owner, new Execute(BenchSchema.DeleteTransfer, SqlParameters.Named(("transfer", transferId))), cancellationToken).ConfigureAwait(false);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        // Every column is looked at, as the other systems' clients decode every column of the row they read.
        private static bool ReadAll(IReadOnlyList<SqlValue> row)
        {
            bool complete = row.Count == 3;
            foreach (var value in row)
            {
                complete &= !value.IsNull;
            }

            return complete;
        }

        private static int BlobLength(QueryResult result) =>
            result.Rows.Count == 1 && result.Rows[0][0].Kind == SqlValueKind.Blob ? result.Rows[0][0].AsBlob().Length : -1;
    }
}
