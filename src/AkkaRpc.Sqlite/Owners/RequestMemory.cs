namespace AkkaRpc.Sqlite;

/// <summary>
/// An estimate of the memory a decoded request holds while it waits in an owner's mailbox: its SQL text and
/// parameters as .NET keeps them (UTF-16 strings, one <see cref="SqlValue"/> per value), which is what the node pays,
/// not the bytes it took on the wire (a NULL is one byte there and a whole value here).
/// </summary>
internal static class RequestMemory
{
    // The request and its parameter list's objects.
    private const long RequestOverhead = 128;

    // A SqlValue: its kind, its number, a string reference and a ReadOnlyMemory (a reference and two ints).
    private const long ValueSize = 40;

    // A string object's header and length, before its characters.
    private const long StringOverhead = 24;

    /// <summary>The estimated bytes <paramref name="request"/> holds.</summary>
    public static long Estimate(DatabaseRequest request) => RequestOverhead + request switch
    {
        Query q => Text(q.Sql) + Parameters(q.Parameters),
        Execute e => Text(e.Sql) + Parameters(e.Parameters),
        Batch b => Statements(b.Statements),
        Transactional t => Estimate(t.Request),
        _ => 0,
    };

    private static long Statements(IReadOnlyList<Statement> statements)
    {
        long size = 0;
        for (var i = 0; i < statements.Count; i++)
        {
            size += RequestOverhead + Text(statements[i].Sql) + Parameters(statements[i].Parameters);
        }

        return size;
    }

    private static long Parameters(SqlParameters parameters)
    {
        var values = parameters.Values;
        long size = values.Count * ValueSize;
        if (parameters.Names is { } names)
        {
            for (var i = 0; i < names.Count; i++)
            {
                size += Text(names[i]);
            }
        }

        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            size += value.Kind switch
            {
                SqlValueKind.Text => Text(value.AsText()),
                SqlValueKind.Blob => value.AsBlob().Length,
                _ => 0,
            };
        }

        return size;
    }

    private static long Text(string text) => StringOverhead + (2L * text.Length);
}
