using System.Diagnostics;
using System.Globalization;
using AkkaRpc.Bench.Ado;
using AkkaRpc.Client;
using AkkaRpc.Data;
using Dapper;
using Microsoft.Data.Sqlite;

// akkarpc-bench-ado [rounds] [operations per round]: point query by primary key and single-row insert, one at a time,
// through Dapper over AkkaRpc, through the client API on the same node, and through Dapper over Microsoft.Data.Sqlite on
// a local file in this process; the systems take turns within each round, and the report is the median over rounds of
// each system's p50, with the provider's ratio to the client API.
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var operations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
const string Schema = "CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, value INTEGER NOT NULL)";
const string Seed = "INSERT INTO items (id, name, value) WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 10000) SELECT i, 'item-' || i, i * 7 FROM s";
const string PointQuery = "SELECT id, name, value FROM items WHERE id = $id";
const string Insert = "INSERT INTO items (name, value) VALUES ('new', $value)";

await using var node = InProcessNode.Start();
var sqliteFile = Path.Combine(node.Directory, "local.db");
await using var sqlite = new SqliteConnection($"Data Source={sqliteFile}");
await sqlite.OpenAsync();
await sqlite.ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL");
await using var provider = new AkkaRpcConnection(node.ConnectionString("bench"));
await provider.OpenAsync();
await using var client = await AkkaRpcClient.ConnectAsync("bench", new AkkaRpcClientOptions
{
    UnixSocket = Path.Combine(node.Directory, "node.sock"),
    CookiePath = Path.Combine(node.Directory, "cookie"),
    RuntimeDirectory = node.Directory,
    AutoSpawn = false,
});
foreach (var sql in new[] { Schema, Seed })
{
    await sqlite.ExecuteAsync(sql);
    await provider.ExecuteAsync(sql);
}

// The provider alone, without Dapper: one command and parameter reused, as hand-written ADO.NET code would.
await using var adoQuery = provider.CreateCommand();
adoQuery.CommandText = PointQuery;
var adoId = adoQuery.Parameters.AddWithValue("$id", 0L);
await using var adoInsert = provider.CreateCommand();
adoInsert.CommandText = Insert;
var adoValue = adoInsert.Parameters.AddWithValue("$value", 0L);

var random = new Random(7);
var systems = new (string Name, Func<long, Task> Query, Func<long, Task> Insert)[]
{
    ("client API", id => client.QueryAsync<Item>(PointQuery, new { id }), v => client.ExecuteAsync(Insert, new { value = v })),
    ("Dapper over AkkaRpc", id => provider.QueryFirstAsync<Item>(PointQuery, new { id }), v => provider.ExecuteAsync(Insert, new { value = v })),
    ("ADO.NET over AkkaRpc (no Dapper)", id => AdoQueryAsync(id), v => { adoValue.Value = v; return adoInsert.ExecuteNonQueryAsync(); }),
    ("Dapper over Microsoft.Data.Sqlite", id => sqlite.QueryFirstAsync<Item>(PointQuery, new { id }), v => sqlite.ExecuteAsync(Insert, new { value = v })),
};

var p50 = systems.ToDictionary(s => s.Name, _ => (Query: new List<double>(), Insert: new List<double>()));
for (var round = 0; round <= rounds; round++)
{
    foreach (var (name, query, insert) in systems)
    {
        var q = await MeasureAsync(operations, () => query(random.NextInt64(1, 10001)));
        var i = await MeasureAsync(operations / 2, () => insert(random.NextInt64()));
        if (round > 0)
        {
            // Round 0 warms up every system (JIT, statement caches) and is not counted.
            p50[name].Query.Add(q);
            p50[name].Insert.Add(i);
        }
    }
}

Console.WriteLine($"akkarpc-bench-ado: {rounds} rounds of {operations} point queries and {operations / 2} inserts per system, one at a time; median of per-round p50 (µs)");
Console.WriteLine($"{"system",-36}{"query p50",12}{"insert p50",12}{"query ×",10}{"insert ×",10}");
var (baseQuery, baseInsert) = (Median(p50["client API"].Query), Median(p50["client API"].Insert));
foreach (var (name, _, _) in systems)
{
    var (q, i) = (Median(p50[name].Query), Median(p50[name].Insert));
    Console.WriteLine($"{name,-36}{q,12:0.0}{i,12:0.0}{q / baseQuery,10:0.000}{i / baseInsert,10:0.000}");
}

Console.WriteLine("× = ratio to the client API on the same node, same run (target for Dapper over AkkaRpc: at most 1.10 at p50).");
return 0;

async Task AdoQueryAsync(long id)
{
    adoId.Value = id;
    await using var reader = await adoQuery.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        throw new InvalidOperationException($"item {id} is missing");
    }

    _ = new Item(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
}

static async Task<double> MeasureAsync(int count, Func<Task> operation)
{
    var micros = new double[count];
    for (var n = 0; n < count; n++)
    {
        var start = Stopwatch.GetTimestamp();
        await operation();
        micros[n] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    return Median(micros);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

internal sealed record Item(long Id, string Name, long Value);
