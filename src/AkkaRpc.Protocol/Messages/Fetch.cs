namespace AkkaRpc.Protocol;

/// <summary>Asks for the next chunk of an open cursor; answered by <see cref="QueryResult"/> or <see cref="CursorNotFound"/>.</summary>
/// <param name="CursorId">The id from <see cref="QueryResult.CursorId"/>.</param>
public sealed record Fetch(long CursorId) : DatabaseRequest;
