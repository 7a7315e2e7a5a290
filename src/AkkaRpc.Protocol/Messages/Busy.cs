namespace AkkaRpc.Protocol;

/// <summary>Another connection held a lock for longer than the busy timeout; nothing changed, and the request may be retried.</summary>
/// <param name="ExtendedCode">SQLite's extended code, <c>SQLITE_BUSY</c> (5) or <c>SQLITE_LOCKED</c> (6) family.</param>
/// <param name="Detail">SQLite's error message.</param>
public sealed record Busy(int ExtendedCode, string Detail) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"The database is locked by another connection ({Detail}). Retry later; if it persists, look for another process writing to the file.";
}
