namespace AkkaRpc.Bench.Systems;

/// <summary>The tables and seed rows every SQL-backed system serves, so their figures compare like with like.</summary>
internal static class BenchSchema
{
    /// <summary>Rows seeded into <c>items</c>; point queries pick among them.</summary>
    public const int SeedRows = 10_000;

    /// <summary>Statements that create the schema; each is idempotent so preparing twice is harmless.</summary>
    public static readonly string[] Create =
    [
        "CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, value INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)",
        "CREATE TABLE IF NOT EXISTS chunks (transfer INTEGER NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (transfer, seq))",
        "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 10000) " +
            "INSERT OR IGNORE INTO items (id, name, value) SELECT i, 'item-' || i, i * 7 FROM s",
    ];

    public const string PointQuery = "SELECT id, name, value FROM items WHERE id = $id";

    public const string Insert = "INSERT INTO items (name, value) VALUES ('new', $value)";

    public const string InsertBlob = "INSERT INTO blobs (data) VALUES ($data) RETURNING id";

    public const string SelectBlob = "SELECT data FROM blobs WHERE id = $id";

    public const string InsertChunk = "INSERT OR REPLACE INTO chunks (transfer, seq, data) VALUES ($transfer, $seq, $data)";

    public const string SelectChunk = "SELECT data FROM chunks WHERE transfer = $transfer AND seq = $seq";

    public const string DeleteTransfer = "DELETE FROM chunks WHERE transfer = $transfer";

    /// <summary>The seeded row a client's <paramref name="request"/>-th point query reads: spread so clients do not read in lockstep.</summary>
    public static long RowFor(int client, long request) => (long)(unchecked((ulong)((client * 7919L) + (request * 104_729L))) % SeedRows) + 1;
}
