namespace AkkaRpc.Sqlite;

/// <summary>The identities (device and inode) of a database file and its WAL as opened, compared with what their paths name now.</summary>
/// <remarks>
/// SQLite does not unlink or recreate the WAL while a connection has the database open (it only truncates and rewrites
/// it), and never the database file, so any other identity at either path means someone else deleted or replaced it.
/// </remarks>
internal sealed class DatabaseFiles(string databasePath)
{
    private readonly string _walPath = databasePath + "-wal";
    private readonly byte[] _nativeDatabasePath = NativeMethods.NativePath(databasePath);
    private readonly byte[] _nativeWalPath = NativeMethods.NativePath(databasePath + "-wal");
    private readonly byte[] _buffer = NativeMethods.StatBuffer();
    private FileIdentity _database;
    private FileIdentity? _wal;

    /// <summary>Whether identities can be read here (Linux); elsewhere the engine asks SQLite whether the file moved.</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux();

    /// <summary>The path that the last <see cref="Check"/> could not examine.</summary>
    public string? FailedPath { get; private set; }

    /// <summary>Why the last <see cref="Check"/> could not examine <see cref="FailedPath"/>.</summary>
    public int FailedErrno { get; private set; }

    /// <summary>Reads the identities of the files just opened.</summary>
    /// <param name="wal">Also the WAL's: SQLite creates it on the first read of a WAL database, which opening has done.</param>
    /// <returns>0, or the errno that kept a path from being examined.</returns>
    public int Record(bool wal)
    {
        var errno = NativeMethods.Stat(_nativeDatabasePath, _buffer, out _database);
        if (errno != 0 || !wal)
        {
            return errno;
        }

        errno = NativeMethods.Stat(_nativeWalPath, _buffer, out var walIdentity);
        _wal = walIdentity;
        return errno;
    }

    /// <summary>Compares what the paths name now with what was recorded.</summary>
    public FileState Check()
    {
        var errno = NativeMethods.Stat(_nativeDatabasePath, _buffer, out var database);
        if (errno != 0)
        {
            return Failed(databasePath, errno, FileState.DatabaseGone);
        }

        if (database != _database)
        {
            return FileState.DatabaseReplaced;
        }

        if (_wal is not { } recorded)
        {
            return FileState.InPlace;
        }

        errno = NativeMethods.Stat(_nativeWalPath, _buffer, out var wal);
        if (errno != 0)
        {
            return Failed(_walPath, errno, FileState.WalGone);
        }

        return wal == recorded ? FileState.InPlace : FileState.WalReplaced;
    }

    /// <summary>Whether the WAL's path still names the WAL recorded at open.</summary>
    public bool WalInPlace() => _wal is { } recorded && NativeMethods.Stat(_nativeWalPath, _buffer, out var wal) == 0 && wal == recorded;

    private FileState Failed(string path, int errno, FileState gone)
    {
        if (errno is NativeMethods.ENoEnt or NativeMethods.ENotDir)
        {
            return gone;
        }

        FailedPath = path;
        FailedErrno = errno;
        return FileState.Inaccessible;
    }
}
