namespace AkkaRpc.Protocol;

/// <summary>One chunk of a statement's rows.</summary>
/// <remarks>
/// A chunk holds at most the configured rows and, except for a single oversized row, bytes. When
/// rows remain, <see cref="CursorId"/> names a cursor to <see cref="Fetch"/> them from; the last
/// chunk has no cursor.
/// </remarks>
/// <param name="Columns">The result columns, repeated in every chunk.</param>
/// <param name="Rows">The rows of this chunk, each with one value per column.</param>
/// <param name="CursorId">The cursor holding the remaining rows, or null when there are none.</param>
public sealed record QueryResult(
    IReadOnlyList<ColumnInfo> Columns,
    IReadOnlyList<IReadOnlyList<SqlValue>> Rows,
    long? CursorId) : DatabaseReply
{
    /// <summary>Whether more rows can be fetched from <see cref="CursorId"/>.</summary>
    public bool HasMore => CursorId is not null;
}
