using System.Globalization;
using AkkaRpc.Client;

// akkarpc-test-client <database> <client-id> <inserts> [<cookie-path>]
// Inserts rows (client-id, seq) one call each, through an auto-spawning client configured by the AKKARPC_* environment
// variables, and reports each outcome on its own line for the test to check:
//   ack <seq>            the insert was acknowledged
//   unknown <seq> <why>  the connection was lost in flight: it may or may not have landed
//   retry <seq> <why>    it certainly did not run (no node yet): sent again
//   done                 every insert has an outcome
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: akkarpc-test-client <database> <client-id> <inserts> [<cookie-path>]");
    return 2;
}

var database = args[0];
var client = int.Parse(args[1], CultureInfo.InvariantCulture);
var inserts = int.Parse(args[2], CultureInfo.InvariantCulture);
// AKKARPC_TEST_NODE_ADDRESS names one node (a cluster member) instead of discovery; the client learns the other members from it.
var options = new AkkaRpcClientOptions
{
    CookiePath = args.Length > 3 ? args[3] : null,
    SpawnTimeout = TimeSpan.FromSeconds(60),
    NodeAddress = Environment.GetEnvironmentVariable("AKKARPC_TEST_NODE_ADDRESS") is { Length: > 0 } node ? node : null,
};

await using var db = await AkkaRpcClient.ConnectAsync(database, options);
await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS items(client INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (client, seq))");
Console.WriteLine("connected");
for (var seq = 0; seq < inserts;)
{
    try
    {
        await db.ExecuteAsync("INSERT INTO items(client, seq) VALUES ($client, $seq)", new { client, seq });
        Console.WriteLine($"ack {seq}");
        seq++;
    }
    catch (AkkaRpcException e) when (e.OutcomeUnknown)
    {
        Console.WriteLine($"unknown {seq} {e.GetType().Name}");
        seq++;
    }
    catch (Exception e) when (e is NodeUnreachableException or DatabaseUnavailableException)
    {
        Console.WriteLine($"retry {seq} {e.Message.ReplaceLineEndings(" ")}");
    }
}

Console.WriteLine("done");
return 0;
