using Akka.Configuration;
using AkkaRpc.Client;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting;

/// <summary>Reads <see cref="DatabasesOptions"/> from HOCON <c>akkarpc.databases</c>.</summary>
public static class DatabasesOptionsReader
{
    /// <summary>The environment variable naming the data directory when <c>akkarpc.databases.data-dir</c> is empty.</summary>
    public const string DataDirectoryVariable = "AKKARPC_DATA_DIR";

    /// <summary>Reads the options from <paramref name="config"/>; a bad value throws naming its key.</summary>
    public static DatabasesOptions Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new DatabasesOptions();
        var db = d.Database;
        var s = new SettingsReader(config, "akkarpc.databases");
        var options = d with
        {
            Database = new DatabaseOptions
            {
                // Empty means $AKKARPC_DATA_DIR, else the default: Akka's HOCON has no working ${?VAR} fallback for this.
                DataDirectory = s.String("data-dir", Environment.GetEnvironmentVariable(DataDirectoryVariable) is { Length: > 0 } env ? env : db.DataDirectory),
                CreateIfMissing = s.Bool("create-if-missing", db.CreateIfMissing),
                ReadOnly = s.Bool("read-only", db.ReadOnly),
                BusyTimeout = s.Duration("busy-timeout", db.BusyTimeout),
                Synchronous = s.Enum("synchronous", db.Synchronous),
                MaxStatementLength = s.Int("max-statement-length", db.MaxStatementLength, min: 1),
                MaxBatchStatements = s.Int("max-batch-statements", db.MaxBatchStatements, min: 1),
                MaxRowsPerChunk = s.Int("max-rows-per-chunk", db.MaxRowsPerChunk, min: 1),
                MaxBytesPerChunk = checked((int)s.Size("max-bytes-per-chunk", db.MaxBytesPerChunk)),
                StatementCacheCapacity = s.Int("statement-cache-capacity", db.StatementCacheCapacity, min: 1),
                MaxOpenCursors = s.Int("max-open-cursors", db.MaxOpenCursors, min: 1),
                MaxCursorsPerClient = s.Int("max-cursors-per-client", db.MaxCursorsPerClient, min: 1),
                CursorIdleExpiry = s.Duration("cursor-idle-expiry", db.CursorIdleExpiry),
                StatementTimeout = s.Duration("statement-timeout", db.StatementTimeout),
                MaxStatementTimeout = s.Duration("max-statement-timeout", db.MaxStatementTimeout),
                AllowAttach = s.Bool("allow-attach", db.AllowAttach),
                AllowVacuumInto = s.Bool("allow-vacuum-into", db.AllowVacuumInto),
                AllowLoadExtension = s.Bool("allow-load-extension", db.AllowLoadExtension),
                AllowWritableSchema = s.Bool("allow-writable-schema", db.AllowWritableSchema),
            },
            MailboxCapacity = s.Int("mailbox-capacity", d.MailboxCapacity, min: 1),
            MaxOpenDatabases = s.Int("max-open-databases", d.MaxOpenDatabases, min: 1),
            MaxQueuedBytes = s.Size("max-queued-bytes", d.MaxQueuedBytes),
            IdleTimeout = s.OptionalDuration("idle-timeout", d.IdleTimeout),
            MaxLease = s.Duration("max-lease", d.MaxLease),
            MinBackoff = s.Duration("min-backoff", d.MinBackoff),
            MaxBackoff = s.Duration("max-backoff", d.MaxBackoff),
            MaxFailures = s.Int("max-failures", d.MaxFailures, min: 1),
            FailureWindow = s.Duration("failure-window", d.FailureWindow),
        };
        options.Validate();
        return options;
    }
}
