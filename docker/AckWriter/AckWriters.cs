using AkkaRpc.Client;

namespace AkkaRpc.Docker.AckWriter;

/// <summary>
/// The writer loops. Each holds one connection to one member and inserts rows one at a time, so that every
/// acknowledgement it logs is for a row that must be in the table afterwards. On a failure it logs the insert as
/// failed (outcome unknown), drops the connection and goes on through the next member, as a client of a cluster
/// without discovery would.
/// </summary>
internal static class AckWriters
{
    // A dead member refuses connections at once; without a pause a writer would spin through the members.
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromMilliseconds(200);

    /// <summary>Creates the table, runs the writers for the configured time and returns a one-line summary.</summary>
    public static async Task<string> RunAsync(WriterSettings settings, TextWriter log, TextWriter error, CancellationToken cancellationToken)
    {
        using var timeUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeUp.CancelAfter(settings.Duration);
        var loops = Enumerable.Range(1, settings.Writers)
            .Select(writer => Task.Run(() => WriteAsync(settings, writer, log, error, timeUp.Token), CancellationToken.None))
            .ToArray();
        var tallies = await Task.WhenAll(loops).ConfigureAwait(false);
        return $"writers done: {tallies.Sum(t => t.Acked)} acknowledged, {tallies.Sum(t => t.Failed)} failed";
    }

    private static async Task<(long Acked, long Failed)> WriteAsync(WriterSettings settings, int writer, TextWriter log, TextWriter error, CancellationToken timeUp)
    {
        long acked = 0, failed = 0, seq = 0;
        int member = (writer - 1) % settings.Members.Count;
        while (!timeUp.IsCancellationRequested)
        {
            var address = settings.Members[member];
            AkkaRpcDatabase db;
            try
            {
                db = await AkkaRpcClient.ConnectAsync(settings.Database, Options(settings, address), timeUp).ConfigureAwait(false);
                await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS acked (writer INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (writer, seq))", cancellationToken: timeUp).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeUp.IsCancellationRequested)
            {
                break;
            }
            catch (AkkaRpcException e)
            {
                await error.WriteLineAsync($"writer {writer}: cannot use {address}: {e.Message}").ConfigureAwait(false);
                member = (member + 1) % settings.Members.Count;
                await PauseAsync(timeUp).ConfigureAwait(false);
                continue;
            }

            await using (db.ConfigureAwait(false))
            {
                while (!timeUp.IsCancellationRequested)
                {
                    seq++;
                    try
                    {
                        // CancellationToken.None: an insert under way when the time is up still gets its answer, so
                        // that it is logged as acknowledged or failed rather than left unknown.
                        await db.ExecuteAsync(
                            "INSERT INTO acked (writer, seq) VALUES ($writer, $seq)",
                            new Dictionary<string, object?> { ["writer"] = writer, ["seq"] = seq },
                            cancellationToken: CancellationToken.None).ConfigureAwait(false);
                        acked++;
                        await log.WriteLineAsync($"ack {writer} {seq} {address} {Now()}").ConfigureAwait(false);
                    }
                    catch (AkkaRpcException e)
                    {
                        failed++;
                        await log.WriteLineAsync($"fail {writer} {seq} {address} {Now()} {e.GetType().Name}: {OneLine(e.Message)}").ConfigureAwait(false);
                        member = (member + 1) % settings.Members.Count;
                        break;
                    }
                }
            }

            await PauseAsync(timeUp).ConfigureAwait(false);
        }

        await log.WriteLineAsync($"done {writer} acked={acked} failed={failed}").ConfigureAwait(false);
        return (acked, failed);
    }

    private static AkkaRpcClientOptions Options(WriterSettings settings, string address) => new()
    {
        NodeAddress = address,
        AutoSpawn = false,
        RequestTimeout = settings.RequestTimeout,
        // Each writer its own connection, so that one dead member fails only the writers that used it.
        PrivateConnection = true,
    };

    private static async Task PauseAsync(CancellationToken timeUp)
    {
        try
        {
            await Task.Delay(ReconnectPause, timeUp).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Time is up: the loop ends.
        }
    }

    private static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
