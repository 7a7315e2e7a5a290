namespace AkkaRpc.Protocol;

/// <summary>SQLite rejected the statement; the database is unchanged by it and still usable.</summary>
/// <param name="PrimaryCode">SQLite's primary result code, for example 19 (<c>SQLITE_CONSTRAINT</c>).</param>
/// <param name="ExtendedCode">SQLite's extended result code, for example 2067 (<c>SQLITE_CONSTRAINT_UNIQUE</c>).</param>
/// <param name="Message">SQLite's error message.</param>
public sealed record SqlError(int PrimaryCode, int ExtendedCode, string Message) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message { get; } = Message;
}
