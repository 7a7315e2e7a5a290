namespace AkkaRpc.Protocol;

/// <summary>Closes a cursor before its rows are exhausted; answered by <see cref="CursorClosed"/> or <see cref="CursorNotFound"/>.</summary>
/// <param name="CursorId">The id from <see cref="QueryResult.CursorId"/>.</param>
public sealed record CloseCursor(long CursorId) : DatabaseRequest;
