using AkkaRpc.Sqlite;

namespace AkkaRpc.Client;

/// <summary>A handle on one database of a node. Thread-safe; many handles share one connection.</summary>
public sealed class AkkaRpcDatabase : IAsyncDisposable
{
    private AkkaRpcDatabase()
    {
    }

    /// <summary>The database name.</summary>
    public string Name { get; } = "";

    /// <summary>Runs a query; parameters from an anonymous object, a dictionary, or a list.</summary>
    public Task<SqlRowSet> QueryAsync(string sql, object? parameters = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("skeleton: lands with issue 5");

    /// <summary>Runs a query and maps each row to <typeparamref name="T"/> by column name.</summary>
    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("skeleton: lands with issue 5");

    /// <summary>Runs a statement that changes data.</summary>
    public Task<ExecuteResult> ExecuteAsync(string sql, object? parameters = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("skeleton: lands with issue 5");

    /// <summary>Round trip to the owner.</summary>
    public Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
        => throw new NotImplementedException("skeleton: lands with issue 5");

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Per-call settings.</summary>
public sealed record RequestOptions(TimeSpan? Timeout = null, bool Idempotent = false);

/// <summary>Rows of a query.</summary>
public sealed class SqlRowSet
{
    private SqlRowSet()
    {
    }

    /// <summary>Rows.</summary>
    public IReadOnlyList<SqlRow> Rows { get; } = [];
}

/// <summary>One row.</summary>
public sealed class SqlRow
{
    private SqlRow()
    {
    }

    /// <summary>Value by ordinal, as a CLR value (null, long, double, string, byte[]).</summary>
    public object? this[int ordinal] => throw new NotImplementedException();

    /// <summary>Value by column name.</summary>
    public object? this[string column] => throw new NotImplementedException();
}
