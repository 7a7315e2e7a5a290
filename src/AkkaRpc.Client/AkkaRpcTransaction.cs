using System.Diagnostics.CodeAnalysis;
using AkkaRpc.Protocol;

namespace AkkaRpc.Client;

/// <summary>
/// An interactive transaction: this client has the database to itself until <see cref="CommitAsync"/> or
/// <see cref="RollbackAsync"/>. Each request renews the lease; if the lease passes idle, the node rolls back.
/// Disposing without committing rolls back.
/// </summary>
public sealed class AkkaRpcTransaction : IAsyncDisposable
{
    private readonly AkkaRpcDatabase _database;
    private int _ended;

    internal AkkaRpcTransaction(AkkaRpcDatabase database, long id, TimeSpan lease)
    {
        _database = database;
        Id = id;
        Lease = lease;
    }

    /// <summary>The node's id for this transaction.</summary>
    public long Id { get; }

    /// <summary>How long the node waits for the next request of this transaction before rolling it back.</summary>
    public TimeSpan Lease { get; }

    /// <summary>Runs a query inside the transaction.</summary>
    public Task<SqlRowSet> QueryAsync(string sql, object? parameters = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _database.QueryCoreAsync(sql, parameters, Open(), options, cancellationToken);

    /// <summary>Runs a query inside the transaction and maps its rows to <typeparamref name="T"/>.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<[DynamicallyAccessedMembers(RowMapper.Members)] T>(string sql, object? parameters = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        RowMapper.Map<T>(await QueryAsync(sql, parameters, options, cancellationToken).ConfigureAwait(false));

    /// <summary>Runs a statement inside the transaction.</summary>
    public Task<ExecuteResult> ExecuteAsync(string sql, object? parameters = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _database.RequestAsync<ExecuteResult>(new Execute(sql, ParameterBinder.Bind(parameters)), Open(), options, cancellationToken);

    /// <summary>Runs statements inside the transaction, all or none.</summary>
    public Task<BatchResult> BatchAsync(IEnumerable<(string Sql, object? Parameters)> statements, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _database.RequestAsync<BatchResult>(AkkaRpcDatabase.ToBatch(statements), Open(), options, cancellationToken);

    /// <summary>Commits: every change is on disk when this returns.</summary>
    /// <exception cref="TransactionException">The lease expired (the node rolled back) or the transaction is gone.</exception>
    public Task CommitAsync(CancellationToken cancellationToken = default) => EndAsync(new Commit(Id), cancellationToken);

    /// <summary>Rolls back every change of the transaction.</summary>
    public Task RollbackAsync(CancellationToken cancellationToken = default) => EndAsync(new Rollback(Id), cancellationToken);

    /// <summary>Rolls back unless committed or rolled back already. A lost connection is not an error here: the node rolls back on its own.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _ended) != 0)
        {
            return;
        }

        try
        {
            await RollbackAsync().ConfigureAwait(false);
        }
        catch (AkkaRpcException)
        {
            // Expired, lost or unreachable: in every case the node has rolled back or will when the lease ends.
        }
    }

    private long Open() => Volatile.Read(ref _ended) == 0
        ? Id
        : throw new InvalidOperationException($"Transaction {Id} on '{_database.Name}' has ended; begin a new one.");

    private async Task EndAsync(DatabaseRequest end, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            throw new InvalidOperationException($"Transaction {Id} on '{_database.Name}' has already ended.");
        }

        // Commit and Rollback go to the owner as they are; they name the transaction themselves.
        await _database.RequestAsync<TransactionEnded>(end, transactionId: null, options: null, cancellationToken).ConfigureAwait(false);
    }
}
