using AkkaRpc.Client;

namespace AkkaRpc.Reliability.Running;

/// <summary>
/// The body of <c>akkarpc reliability hold-transaction</c>: a client process that begins a transaction, writes in it,
/// says so on its output and then waits to be killed, so the suite can kill a real transaction holder between
/// <c>BeginTransaction</c> and commit.
/// </summary>
internal static class TransactionHolder
{
    /// <summary>The line printed once the transaction is open and has written.</summary>
    public const string HoldingLine = "holding";

    /// <summary>The arguments that start a holder of database <paramref name="database"/> on <paramref name="sandbox"/>'s node.</summary>
    public static string[] Arguments(Sandbox sandbox, string database) =>
        ["reliability", "hold-transaction", "--socket", sandbox.Socket, "--cookie", sandbox.Cookie, "--database", database];

    /// <summary>Opens the transaction, prints <see cref="HoldingLine"/>, and waits (at most <paramref name="ceiling"/>) to be killed.</summary>
    public static async Task RunAsync(string socket, string cookie, string database, TimeSpan ceiling, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = new AkkaRpcClientOptions { UnixSocket = socket, CookiePath = cookie, AutoSpawn = false };
        await using var db = await AkkaRpcClient.ConnectAsync(database, options, cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS held (v)", cancellationToken: cancellationToken).ConfigureAwait(false);
        // The lease is long on purpose: only the holder's death may end this transaction early.
        var transaction = await db.BeginTransactionAsync(TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        await transaction.ExecuteAsync("INSERT INTO held VALUES (1)", cancellationToken: cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(HoldingLine).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(ceiling, cancellationToken).ConfigureAwait(false);
    }
}
