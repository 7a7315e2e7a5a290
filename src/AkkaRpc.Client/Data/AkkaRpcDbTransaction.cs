using System.Data;
using System.Data.Common;
using AkkaRpc.Client;

namespace AkkaRpc.Data;

/// <summary>
/// An ADO.NET transaction over an interactive <see cref="AkkaRpcTransaction"/>: the connection has the database to
/// itself until <see cref="Commit"/> or <see cref="Rollback"/>; disposing without either rolls back. The node rolls
/// back on its own when the transaction stays idle longer than its lease (<c>Transaction Lease</c>).
/// </summary>
public sealed class AkkaRpcDbTransaction : DbTransaction
{
    private AkkaRpcConnection? _connection;

    internal AkkaRpcDbTransaction(AkkaRpcConnection connection, AkkaRpcTransaction inner, IsolationLevel isolationLevel)
    {
        _connection = connection;
        Inner = inner;
        IsolationLevel = isolationLevel;
    }

    /// <summary>The client transaction underneath.</summary>
    public AkkaRpcTransaction Inner { get; }

    /// <summary>The connection, or null once the transaction has ended.</summary>
    public new AkkaRpcConnection? Connection => _connection;

    /// <inheritdoc/>
    public override IsolationLevel IsolationLevel { get; }

    /// <inheritdoc/>
    protected override DbConnection? DbConnection => _connection;

    /// <summary>Whether the transaction is still open on its connection.</summary>
    internal bool IsOpen => _connection is not null;

    /// <inheritdoc/>
    public override void Commit() => Sync.Run(CommitAsync, CancellationToken.None);

    /// <summary>Commits: every change is on disk when this returns.</summary>
    /// <exception cref="InvalidOperationException">The transaction has already ended.</exception>
    /// <exception cref="TransactionException">The lease had expired (the node rolled back) or the transaction is gone.</exception>
    public override Task CommitAsync(CancellationToken cancellationToken = default) => EndAsync(commit: true, cancellationToken);

    /// <inheritdoc/>
    public override void Rollback() => Sync.Run(ct => RollbackAsync(ct), CancellationToken.None);

    /// <summary>Rolls back every change of the transaction.</summary>
    /// <exception cref="InvalidOperationException">The transaction has already ended.</exception>
    public override Task RollbackAsync(CancellationToken cancellationToken = default) => EndAsync(commit: false, cancellationToken);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _connection is not null)
        {
            Sync.Run(async _ => await DisposeAsync().ConfigureAwait(false), CancellationToken.None);
        }

        base.Dispose(disposing);
    }

    /// <summary>Rolls back unless the transaction has ended; a lost connection is not an error here (the node rolls back on its own).</summary>
    public override async ValueTask DisposeAsync()
    {
        if (Detach() is not null)
        {
            await Inner.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task EndAsync(bool commit, CancellationToken cancellationToken)
    {
        if (Detach() is null)
        {
            throw new InvalidOperationException("This AkkaRpcDbTransaction has completed; it is no longer usable.");
        }

        await (commit ? Inner.CommitAsync(cancellationToken) : Inner.RollbackAsync(cancellationToken)).ConfigureAwait(false);
    }

    // The transaction ends for its connection as soon as it is asked to: a failed commit still leaves the node rolled back.
    private AkkaRpcConnection? Detach()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null && connection.Transaction == this)
        {
            connection.Transaction = null;
        }

        return connection;
    }
}
