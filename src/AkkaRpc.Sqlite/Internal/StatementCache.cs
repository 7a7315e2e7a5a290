namespace AkkaRpc.Sqlite;

/// <summary>A bounded least-recently-used set of prepared statements keyed by SQL text.</summary>
/// <remarks>
/// A statement is taken out while it runs and put back after, so a cursor that keeps a statement
/// open never shares it with another query of the same text: that query prepares its own.
/// </remarks>
internal sealed class StatementCache : IDisposable
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<PreparedStatement>> _bySql = new(StringComparer.Ordinal);
    private readonly LinkedList<PreparedStatement> _byRecency = new();

    public StatementCache(int capacity) => _capacity = capacity;

    public int Count => _bySql.Count;

    /// <summary>Removes and returns the cached statement for <paramref name="sql"/>, if any.</summary>
    public PreparedStatement? Take(string sql)
    {
        if (!_bySql.Remove(sql, out var node))
        {
            return null;
        }

        _byRecency.Remove(node);
        return node.Value;
    }

    /// <summary>Puts a statement back as the most recently used, finalizing whatever no longer fits.</summary>
    public void Return(PreparedStatement statement)
    {
        if (_bySql.ContainsKey(statement.Sql))
        {
            statement.Dispose(); // A twin prepared while this one was out; one copy is enough.
            return;
        }

        _byRecency.AddFirst(statement.CacheNode);
        _bySql.Add(statement.Sql, statement.CacheNode);
        while (_bySql.Count > _capacity)
        {
            var oldest = _byRecency.Last!;
            _byRecency.RemoveLast();
            _bySql.Remove(oldest.Value.Sql);
            oldest.Value.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var statement in _byRecency)
        {
            statement.Dispose();
        }

        _byRecency.Clear();
        _bySql.Clear();
    }
}
