namespace AkkaRpc.Sqlite;

/// <summary>What a check of a database's paths found, compared with the files its connection opened.</summary>
internal enum FileState
{
    /// <summary>Both paths still name the open files.</summary>
    InPlace,

    /// <summary>The database file's path names nothing: it was deleted or renamed.</summary>
    DatabaseGone,

    /// <summary>The database file's path names another file.</summary>
    DatabaseReplaced,

    /// <summary>The WAL's path names nothing: it was deleted or renamed.</summary>
    WalGone,

    /// <summary>The WAL's path names another file.</summary>
    WalReplaced,

    /// <summary>A path could not be examined (permission denied on its directory, say), so nothing is known.</summary>
    Inaccessible,
}
