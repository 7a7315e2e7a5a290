using System.Collections;
using System.Data;
using System.Data.Common;
using System.Runtime.InteropServices;
using AkkaRpc.Client;
using AkkaRpc.Protocol;

namespace AkkaRpc.Data;

/// <summary>
/// Reads a command's results. Rows come page by page from the node's cursor, so a large result is never all in
/// memory: <see cref="Read"/> returns rows of the page in hand and fetches the next page when it runs out. Each
/// statement of the command runs when the reader reaches it (<see cref="NextResult"/>); disposing the reader early
/// closes the cursor on the node and runs the statements not reached yet, as Microsoft.Data.Sqlite does.
/// </summary>
public sealed partial class AkkaRpcDataReader : DbDataReader
{
    private readonly AkkaRpcCommand _command;
    private readonly AkkaRpcDatabase _database;
    private readonly long? _transactionId;
    private readonly RequestOptions _options;
    private readonly IReadOnlyList<SqlStatement> _statements;
    private readonly IReadOnlyList<AkkaRpcParameter> _parameters;
    private readonly bool _closeConnection;
    private readonly CancellationToken _cancellationToken;
    private int _next;
    private QueryResult? _page;
    private int _row = -1;
    private long? _cursor;
    private IReadOnlyList<SqlValue>? _current;
    private SqlValueKind?[] _typeCache = [];
    private bool _hasRows;
    private int _recordsAffected = -1;
    private bool _closed;

    internal AkkaRpcDataReader(
        AkkaRpcCommand command,
        AkkaRpcDatabase database,
        long? transactionId,
        RequestOptions options,
        IReadOnlyList<SqlStatement> statements,
        IReadOnlyList<AkkaRpcParameter> parameters,
        bool closeConnection,
        CancellationToken cancellationToken)
    {
        _command = command;
        _database = database;
        _transactionId = transactionId;
        _options = options;
        _statements = statements;
        _parameters = parameters;
        _closeConnection = closeConnection;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Always 0: results do not nest.</summary>
    public override int Depth => 0;

    /// <inheritdoc/>
    public override int FieldCount => _closed ? throw Closed(nameof(FieldCount)) : _page?.Columns.Count ?? 0;

    /// <inheritdoc/>
    public override bool HasRows => _hasRows;

    /// <inheritdoc/>
    public override bool IsClosed => _closed;

    /// <summary>Rows inserted, updated or deleted by the statements run so far; -1 when none of them writes.</summary>
    public override int RecordsAffected => _recordsAffected;

    /// <inheritdoc/>
    public override object this[int ordinal] => GetValue(ordinal);

    /// <summary>The node's cursor holding the rows not fetched yet, if any (for tests).</summary>
    internal long? CursorId => _cursor;

    /// <inheritdoc/>
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc/>
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc/>
    public override bool Read()
    {
        if (_closed)
        {
            throw Closed(nameof(Read));
        }

        // The rows of the page in hand need no round trip; only the next page does.
        return NextInPage() || (_cursor is not null && Sync.Run(FetchAsync, _cancellationToken));
    }

    /// <inheritdoc/>
    public override Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (_closed)
        {
            throw Closed(nameof(ReadAsync));
        }

        return NextInPage() ? Task.FromResult(true)
            : _cursor is null ? Task.FromResult(false)
            : FetchAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public override bool NextResult() => Sync.Run(NextResultAsync, _cancellationToken);

    /// <summary>Runs the command's statements up to the next one that returns rows and moves to its result; false when none is left.</summary>
    /// <exception cref="SqlErrorException">SQLite rejected a statement; the reader is closed.</exception>
    public override async Task<bool> NextResultAsync(CancellationToken cancellationToken)
    {
        if (_closed)
        {
            throw Closed(nameof(NextResult));
        }

        try
        {
            return await MoveToNextResultAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // As Microsoft.Data.Sqlite: a failed statement ends the reader, and the statements after it do not run.
            _next = _statements.Count;
            await CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the reader, as <see cref="CloseAsync"/>.</summary>
    public override void Close()
    {
        if (_closed)
        {
            return;
        }

        if (_cursor is null && _next == _statements.Count && !_closeConnection)
        {
            // Nothing left on the node: no need to block on anything.
            MarkClosed();
            return;
        }

        Sync.Run(async _ => await CloseAsync().ConfigureAwait(false), CancellationToken.None);
    }

    /// <summary>Closes the reader: closes its cursor on the node and runs the statements not reached yet (their errors are not reported, as in Microsoft.Data.Sqlite).</summary>
    public override async Task CloseAsync()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            while (await MoveToNextResultAsync(CancellationToken.None).ConfigureAwait(false))
            {
            }
        }
        catch (Exception e) when (e is AkkaRpcException or InvalidOperationException or ArgumentException)
        {
            // Microsoft.Data.Sqlite swallows these too: the caller gave up on the results when it closed the reader.
        }

        MarkClosed();
        if (_closeConnection && _command.Connection is { } connection)
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => new(CloseAsync());

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        // DbDataReader's own Dispose only calls Close.
        if (disposing)
        {
            Close();
        }
    }

    private void MarkClosed()
    {
        _closed = true;
        _page = null;
        _current = null;
        _command.Reader = null;
    }

    private bool NextInPage()
    {
        if (_page is { } page && _row + 1 < page.Rows.Count)
        {
            _current = page.Rows[++_row];
            return true;
        }

        _current = null;
        return false;
    }

    private async Task<bool> FetchAsync(CancellationToken cancellationToken)
    {
        while (_cursor is { } cursor)
        {
            // Fetch errors (the cursor expired, the connection dropped) end the result: the rows after it are unknown.
            var page = await _database.FetchPageAsync(cursor, _transactionId, _options, cancellationToken).ConfigureAwait(false);
            (_page, _row, _cursor) = (page, -1, page.CursorId);
            if (NextInPage())
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> MoveToNextResultAsync(CancellationToken cancellationToken)
    {
        if (_cursor is { } open)
        {
            _cursor = null;
            await _database.CloseCursorAsync(open, _transactionId, cancellationToken).ConfigureAwait(false);
        }

        (_page, _current, _row, _hasRows) = (null, null, -1, false);
        while (_next < _statements.Count)
        {
            var statement = _statements[_next++];
            var parameters = StatementBinder.Bind(statement, _parameters);
            if (statement.ReturnsRows)
            {
                var page = await _database.QueryPageAsync(new Query(statement.Sql, parameters), _transactionId, _options, cancellationToken).ConfigureAwait(false);
                if (page.Columns.Count > 0)
                {
                    (_page, _cursor, _hasRows) = (page, page.CursorId, page.Rows.Count > 0);
                    _typeCache = new SqlValueKind?[page.Columns.Count];
                    return true;
                }

                // A statement without columns (a PRAGMA that sets) has no result set, as in Microsoft.Data.Sqlite.
                continue;
            }

            var result = await _database.RequestAsync<ExecuteResult>(new Execute(statement.Sql, parameters), _transactionId, _options, cancellationToken).ConfigureAwait(false);
            if (statement.CountsChanges)
            {
                _recordsAffected = (_recordsAffected == -1 ? 0 : _recordsAffected) + (int)result.RowsAffected;
            }
        }

        return false;
    }

    private static InvalidOperationException Closed(string operation) => new($"Invalid attempt to call '{operation}' when reader is closed.");
}
