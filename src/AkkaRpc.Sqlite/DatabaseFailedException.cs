namespace AkkaRpc.Sqlite;

/// <summary>The database connection is unusable (I/O error, full disk, corruption, file deleted or moved, or the file could not be opened); the owner must be restarted.</summary>
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
}
