namespace AkkaRpc.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels: how hard a commit waits for the disk.</summary>
public enum SynchronousMode
{
    /// <summary>No fsync at all; a power loss or OS crash can corrupt the database.</summary>
    Off = 0,

    /// <summary>In WAL mode, commits are written to the WAL but not fsynced: they survive a process crash, not a power loss.</summary>
    Normal = 1,

    /// <summary>Every commit fsyncs the WAL: an acknowledged write survives a power loss.</summary>
    Full = 2,

    /// <summary>Like <see cref="Full"/>, and also fsyncs the directory after deleting journals.</summary>
    Extra = 3,
}
