using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Akka.Actor;
using AkkaRpc.Protocol;

namespace AkkaRpc.Client;

/// <summary>
/// A handle on one database of a node. Safe for concurrent use from many threads; every handle of a process shares one
/// connection per node (unless <see cref="AkkaRpcClientOptions.PrivateConnection"/>). If the node dies, calls in flight
/// fail with <see cref="ConnectionLostException"/> (outcome unknown; never retried, except reads marked idempotent) and
/// the next call reconnects, starting a node again if auto-spawn is on.
/// </summary>
public sealed class AkkaRpcDatabase : IAsyncDisposable
{
    private const int MaxUnsentRetries = 2;

    // How much longer than its statement time limit a request waits, for the node's StatementTimedOut to arrive.
    private static readonly TimeSpan StatementLimitGrace = TimeSpan.FromMilliseconds(500);
    private readonly ClientRuntime _runtime;
    private readonly NodeLocator _locator;
    private readonly AkkaRpcClientOptions _options;
    private readonly SemaphoreSlim _resolveGate = new(1, 1);

    internal ClientRuntime Runtime => _runtime;
    private OwnerRef? _owner;
    private int _disposed;

    internal AkkaRpcDatabase(string name, ClientRuntime runtime, NodeLocator locator, AkkaRpcClientOptions options, Address node, IActorRef owner)
    {
        Name = name;
        _runtime = runtime;
        _locator = locator;
        _options = options;
        _owner = new OwnerRef(node, owner);
    }

    /// <summary>The database name.</summary>
    public string Name { get; }

    /// <summary>The address of the node serving the database now (in a cluster, the member running its owner, when this client can reach it).</summary>
    public string NodeAddress => Volatile.Read(ref _owner)?.Node.ToString() ?? "(reconnecting)";

    /// <summary>Runs a query and returns every row (large results are fetched page by page).</summary>
    /// <param name="sql">One SQL statement.</param>
    /// <param name="parameters">An anonymous object or dictionary (named: <c>$id</c>, <c>:id</c>, <c>@id</c>), or a list (positional <c>?</c>).</param>
    /// <param name="options">Timeout and idempotency for this call.</param>
    /// <param name="cancellationToken">Stops waiting; the statement may still run.</param>
    public Task<SqlRowSet> QueryAsync(string sql, object? parameters = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        QueryCoreAsync(sql, parameters, transactionId: null, options, cancellationToken);

    /// <summary>Runs a query and maps each row to <typeparamref name="T"/>: by constructor parameters or settable properties named like the columns, or the single column for a scalar type.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<[DynamicallyAccessedMembers(RowMapper.Members)] T>(string sql, object? parameters = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        RowMapper.Map<T>(await QueryAsync(sql, parameters, options, cancellationToken).ConfigureAwait(false));

    /// <summary>Runs one statement that changes data; it is on disk when this returns.</summary>
    public Task<ExecuteResult> ExecuteAsync(string sql, object? parameters = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        RequestAsync<ExecuteResult>(new Execute(sql, ParameterBinder.Bind(parameters)), transactionId: null, options, cancellationToken);

    /// <summary>Runs statements atomically: all of them, or (on the first error) none.</summary>
    public Task<BatchResult> BatchAsync(IEnumerable<(string Sql, object? Parameters)> statements, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        RequestAsync<BatchResult>(ToBatch(statements), transactionId: null, options, cancellationToken);

    /// <summary>
    /// Starts an interactive transaction: other clients' requests wait until it commits or rolls back, or until
    /// <paramref name="lease"/> passes without a request from this transaction (then the node rolls it back).
    /// Disposing it without <see cref="AkkaRpcTransaction.CommitAsync"/> rolls it back.
    /// </summary>
    public async Task<AkkaRpcTransaction> BeginTransactionAsync(TimeSpan? lease = null, CancellationToken cancellationToken = default)
    {
        var started = await RequestAsync<TransactionStarted>(new Begin(lease ?? TimeSpan.FromSeconds(30), _runtime.Session), transactionId: null, options: null, cancellationToken).ConfigureAwait(false);
        return new AkkaRpcTransaction(this, started.TransactionId, started.Lease);
    }

    /// <summary>A round trip to the database's owner; returns its duration.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        await RequestAsync<Pong>(new Ping(), transactionId: null, RequestOptions.IdempotentRead, cancellationToken).ConfigureAwait(false);
        return watch.Elapsed;
    }

    /// <summary>Which file the node serves under this name, and whether it is read-only.</summary>
    public Task<TargetDatabaseInfo> TargetDatabaseAsync(CancellationToken cancellationToken = default) =>
        RequestAsync<TargetDatabaseInfo>(new TargetDatabase(), transactionId: null, RequestOptions.IdempotentRead, cancellationToken);

    /// <summary>Closes the handle; with a private connection, the connection too.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal async Task<SqlRowSet> QueryCoreAsync(string sql, object? parameters, long? transactionId, RequestOptions? options, CancellationToken cancellationToken)
    {
        var first = await QueryPageAsync(new Query(sql, ParameterBinder.Bind(parameters)), transactionId, options, cancellationToken).ConfigureAwait(false);
        var rows = new List<IReadOnlyList<SqlValue>>(first.Rows);
        for (var page = first; page.CursorId is { } cursor;)
        {
            page = await FetchPageAsync(cursor, transactionId, options, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page.Rows);
        }

        return SqlRowSet.From(first, rows);
    }

    /// <summary>Runs a query and returns only its first page; when <see cref="QueryResult.CursorId"/> is set, <see cref="FetchPageAsync"/> reads the next.</summary>
    internal Task<QueryResult> QueryPageAsync(Query query, long? transactionId, RequestOptions? options, CancellationToken cancellationToken) =>
        RequestAsync<QueryResult>(query, transactionId, options, cancellationToken);

    /// <summary>The next page of a query's cursor.</summary>
    internal Task<QueryResult> FetchPageAsync(long cursor, long? transactionId, RequestOptions? options, CancellationToken cancellationToken) =>
        // The rest of a large result comes in pages from a cursor on the same owner; it is not retried elsewhere.
        RequestAsync<QueryResult>(new Fetch(cursor), transactionId, options is { Idempotent: true } ? options with { Idempotent = false } : options, cancellationToken);

    /// <summary>Closes a cursor whose remaining rows are not wanted, so the node releases its statement (and snapshot) now.</summary>
    internal Task CloseCursorAsync(long cursor, long? transactionId, CancellationToken cancellationToken) =>
        RequestAsync<CursorClosed>(new CloseCursor(cursor), transactionId, options: null, cancellationToken);

    internal static Batch ToBatch(IEnumerable<(string Sql, object? Parameters)> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var list = statements.Select(s => new Statement(s.Sql, ParameterBinder.Bind(s.Parameters))).ToList();
        return list.Count > 0 ? new Batch(list) : throw new ArgumentException("A batch needs at least one statement.", nameof(statements));
    }

    /// <summary>
    /// Sends one request to the owner and returns its reply as <typeparamref name="TReply"/>, or throws the client
    /// exception for what went wrong. A request that certainly did not run (no connection, owner gone) is sent again
    /// after finding the node anew; one that may have run is not, unless it is an idempotent read.
    /// </summary>
    internal async Task<TReply> RequestAsync<TReply>(DatabaseRequest request, long? transactionId, RequestOptions? options, CancellationToken cancellationToken)
        where TReply : DatabaseReply
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_runtime.System.WhenTerminated.IsCompleted)
        {
            // Its actor system is gone (AkkaRpcClient.ShutdownAsync, or the application's own system stopped): an ask
            // there would only wait out its timeout.
            throw new ObjectDisposedException(nameof(AkkaRpcDatabase), $"The client connection of '{Name}' was shut down (AkkaRpcClient.ShutdownAsync, or its actor system stopped); connect again.");
        }
        var timeout = options?.Timeout ?? _options.RequestTimeout;

        // The node stops a statement at the same limit the caller waits (capped by its max-statement-timeout), so one
        // the caller gave up on does not run on; the ask waits a little longer, so that the node's StatementTimedOut
        // (the statement was stopped, with no effect) arrives before the client's own "may still run".
        if (request is StatementRequest { TimeLimit: null } statements)
        {
            request = statements with { TimeLimit = timeout };
        }

        var askTimeout = request is StatementRequest ? timeout + StatementLimitGrace : timeout;
        var message = transactionId is { } id ? new Transactional(id, request) : request;
        RequestSize.Check(message, AkkaRpcClientConfig.MaxFrameSize);
        var unsent = 0;
        var stopped = 0;
        var lostRetried = false;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var owner = Volatile.Read(ref _owner) ?? await ReresolveAsync(transactionId, cancellationToken).ConfigureAwait(false);
            DatabaseReply reply;
            try
            {
                reply = await _runtime.AskAsync<DatabaseReply>(owner.Owner, owner.Node, message, askTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (AssociationLostException e) when (!e.MayHaveArrived)
            {
                // The association failed before it came up: Akka.Remote dropped the request unsent. Find the node again.
                if (_locator.Current is { } entry && entry != owner.Node)
                {
                    // A cluster member this client was sent to by another (the owner's), and cannot dial: the member it
                    // entered at relays to it instead.
                    _locator.Undialable(owner.Node);
                }

                Invalidate(owner, nodeGone: true);
                if (++unsent > MaxUnsentRetries)
                {
                    throw new NodeUnreachableException($"The request to '{Name}' could not be delivered to {owner.Node}: {e.Reason}", e);
                }

                continue;
            }
            catch (AssociationLostException e)
            {
                Invalidate(owner, nodeGone: true);
                if (options is { Idempotent: true } && !lostRetried && transactionId is null)
                {
                    lostRetried = true;
                    continue;
                }

                throw new ConnectionLostException(
                    $"The connection to the node serving '{Name}' ({owner.Node}) was lost before the reply ({e.Reason}): the outcome is unknown, the " +
                    $"{request.GetType().Name} may or may not have run. It was not retried; the next call reconnects.", e);
            }
            catch (AskTimeoutException e)
            {
                throw new RequestTimeoutException(
                    $"No reply from '{Name}' within {timeout.TotalSeconds:0.###} s; the {request.GetType().Name} may still run. " +
                    "Raise the timeout (RequestOptions.Timeout or client.request-timeout) for long statements.", e);
            }

            if (reply is OwnerStopped)
            {
                // The owner had closed (idle, or after failures) before the request arrived, or, in a cluster, its member
                // refused it while cut off or downed: nothing ran. Resolve it anew, at once the first times; then, while
                // the cluster moves the database, again with a growing pause until the request's own time is up.
                Invalidate(owner, nodeGone: false);
                if (++stopped > MaxUnsentRetries)
                {
                    var pause = StoppedBackoff(stopped - MaxUnsentRetries);
                    if (Stopwatch.GetElapsedTime(started) + pause > timeout)
                    {
                        throw new DatabaseUnavailableException(
                            $"The owner of '{Name}' kept refusing requests for {timeout.TotalSeconds:0.###} s (it was stopping, or its cluster member was " +
                            "cut off or downed and no other member had taken the database over yet); the request did not run. Try again later.");
                    }

                    await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            return reply switch
            {
                TReply expected => expected,
                DatabaseError error => throw ErrorMapper.Map(error),
                _ => throw new InvalidOperationException($"'{Name}' answered {request.GetType().Name} with {reply.GetType().Name}."),
            };
        }
    }

    /// <summary>The pause before the <paramref name="attempt"/>th retry of a refused request: 25 ms doubling, at most 400 ms.</summary>
    private static TimeSpan StoppedBackoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(400, 25 << Math.Min(attempt - 1, 4)));

    private void Invalidate(OwnerRef owner, bool nodeGone)
    {
        Interlocked.CompareExchange(ref _owner, null, owner);
        if (nodeGone)
        {
            _locator.Forget(owner.Node);
        }
    }

    private async Task<OwnerRef> ReresolveAsync(long? transactionId, CancellationToken cancellationToken)
    {
        if (transactionId is { } id)
        {
            // A new owner (or node) knows nothing of the transaction: everything it did was rolled back.
            throw new TransactionException($"Transaction {id} on '{Name}' is gone: the connection to its node was lost or its owner restarted, so it was rolled back.");
        }

        await _resolveGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _owner) is { } current)
            {
                return current;
            }

            var (node, owner) = await _locator.ResolveAsync(Name, cancellationToken).ConfigureAwait(false);
            var fresh = new OwnerRef(node, owner);
            Volatile.Write(ref _owner, fresh);
            return fresh;
        }
        finally
        {
            _resolveGate.Release();
        }
    }

    private sealed record OwnerRef(Address Node, IActorRef Owner);
}
