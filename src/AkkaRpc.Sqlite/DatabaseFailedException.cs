namespace AkkaRpc.Sqlite;

/// <summary>
/// The database connection is unusable (I/O error, corruption, the file replaced underneath, or the file could not be
/// opened); the owner must be restarted, unless <see cref="IsTransient"/> says the cause lies outside SQLite.
/// </summary>
public sealed class DatabaseFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatabaseFailedException()
        : this("The database connection failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DatabaseFailedException(string message)
        : this(message, primaryCode: 0, extendedCode: 0)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DatabaseFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and SQLite's result codes.</summary>
    public DatabaseFailedException(string message, int primaryCode, int extendedCode)
        : base(message)
    {
        PrimaryCode = primaryCode;
        ExtendedCode = extendedCode;
    }

    /// <summary>SQLite's primary result code, or 0 when the failure was not reported by SQLite.</summary>
    public int PrimaryCode { get; }

    /// <summary>SQLite's extended result code, or 0 when the failure was not reported by SQLite.</summary>
    public int ExtendedCode { get; }

    /// <summary>
    /// Whether the cause lies outside SQLite and may go away at any moment (permission denied, disk full, read-only file
    /// system): the message names it, and the next attempt may succeed as soon as it is fixed, so an owner retries on
    /// the next request instead of backing off.
    /// </summary>
    public bool IsTransient { get; init; }
}
