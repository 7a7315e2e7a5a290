namespace AkkaRpc.Client;

/// <summary>SQLite rejected the statement; <see cref="PrimaryCode"/> and <see cref="ExtendedCode"/> are SQLite's result codes.</summary>
public sealed class SqlErrorException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public SqlErrorException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SqlErrorException()
        : this("SQLite reported an error.")
    {
    }

    /// <summary>Creates the exception with SQLite's codes.</summary>
    public SqlErrorException(string message, int primaryCode, int extendedCode)
        : base(message, null)
    {
        // DbException.ErrorCode is the HResult; Microsoft.Data.Sqlite's SqliteException sets it to SQLite's code too.
        HResult = primaryCode;
        PrimaryCode = primaryCode;
        ExtendedCode = extendedCode;
    }

    /// <summary>SQLite's primary result code (for example 1, SQLITE_ERROR; 19, SQLITE_CONSTRAINT).</summary>
    public int PrimaryCode { get; }

    /// <summary>SQLite's extended result code (for example 2067, SQLITE_CONSTRAINT_UNIQUE).</summary>
    public int ExtendedCode { get; }

    /// <summary>SQLite's primary result code, under Microsoft.Data.Sqlite's name for it (<c>SqliteException.SqliteErrorCode</c>).</summary>
    public int SqliteErrorCode => PrimaryCode;

    /// <summary>SQLite's extended result code, under Microsoft.Data.Sqlite's name for it.</summary>
    public int SqliteExtendedErrorCode => ExtendedCode;
}
