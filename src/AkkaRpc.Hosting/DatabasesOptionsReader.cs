using AkkaRpc.Sqlite;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Hosting;

/// <summary>Reads <see cref="DatabasesOptions"/> from the <c>databases</c> section (HOCON <c>akkarpc.databases</c>).</summary>
public static class DatabasesOptionsReader
{
    /// <summary>Reads the options from <paramref name="configuration"/> (keys relative to the <c>akkarpc</c> root); a bad value throws naming its key.</summary>
    public static DatabasesOptions Read(IConfiguration configuration)
    {
        var d = new DatabasesOptions();
        var db = d.Database;
        var s = new SettingsReader(configuration, "databases");
        var options = d with
        {
            Database = new DatabaseOptions
            {
                DataDirectory = s.String("data-dir", db.DataDirectory),
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
                CursorIdleExpiry = s.Duration("cursor-idle-expiry", db.CursorIdleExpiry),
                AllowAttach = s.Bool("allow-attach", db.AllowAttach),
                AllowVacuumInto = s.Bool("allow-vacuum-into", db.AllowVacuumInto),
                AllowLoadExtension = s.Bool("allow-load-extension", db.AllowLoadExtension),
                AllowWritableSchema = s.Bool("allow-writable-schema", db.AllowWritableSchema),
            },
            MailboxCapacity = s.Int("mailbox-capacity", d.MailboxCapacity, min: 1),
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
