using System.Collections.Concurrent;
using System.Diagnostics;
using AkkaRpc.Client;
using AkkaRpc.Reliability.Attacks;

namespace AkkaRpc.Reliability.Running;

/// <summary>
/// Clients that keep inserting into a table of their own while an attack runs, each on its own connection, counting
/// the inserts acknowledged; an insert that fails is counted as failed (its outcome may be unknown) and the writer
/// carries on. Bounded by <see cref="MaxInsertsPerWriter"/> and by <see cref="StopAsync"/>.
/// </summary>
internal sealed class HonestWriter
{
    /// <summary>The database the honest writers use; no attack touches it.</summary>
    public const string Database = "honest";

    private const int MaxInsertsPerWriter = 1_000_000;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly List<Task> _loops = [];
    private long _acknowledged;
    private long _failed;

    private HonestWriter(string table)
    {
        Table = table;
    }

    /// <summary>Gets the table they insert into, one per attack.</summary>
    public string Table { get; }

    /// <summary>Gets how many inserts were acknowledged so far.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Connects <paramref name="writers"/> clients, creates the table and starts them writing.</summary>
    public static async Task<HonestWriter> StartAsync(AttackContext context, string table, int writers, TimeSpan pacing, CancellationToken cancellationToken)
    {
        var writer = new HonestWriter(table);
        for (var w = 0; w < writers; w++)
        {
            var db = await context.ConnectAsync(Database, cancellationToken).ConfigureAwait(false);
            await db.ExecuteAsync($"CREATE TABLE IF NOT EXISTS {table} (writer INTEGER, seq INTEGER)", cancellationToken: cancellationToken).ConfigureAwait(false);
            var id = w;
            writer._loops.Add(Task.Run(() => writer.WriteAsync(db, id, pacing), CancellationToken.None));
        }

        return writer;
    }

    /// <summary>Waits until <paramref name="count"/> inserts were acknowledged, at most <paramref name="ceiling"/>.</summary>
    public async Task WaitForAsync(long count, TimeSpan ceiling, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (Acknowledged < count && clock.Elapsed < ceiling)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the writers and returns their tally and a line about their failures (empty when none).</summary>
    public async Task<(WriteTally Tally, string Failures)> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
        var failed = Interlocked.Read(ref _failed);
        var failures = failed == 0 ? "" : $"writer: {failed} failed ({string.Join("; ", _errors.Distinct().Take(2))})";
        return (new WriteTally(Database, Table, Acknowledged), failures);
    }

    private async Task WriteAsync(AkkaRpcDatabase db, int id, TimeSpan pacing)
    {
        await using (db.ConfigureAwait(false))
        {
            for (var seq = 0; seq < MaxInsertsPerWriter && !_stop.IsCancellationRequested; seq++)
            {
                try
                {
                    // Stopping cancels a request still waiting (its outcome unknown, so neither acknowledged nor failed).
                    await db.ExecuteAsync($"INSERT INTO {Table} (writer, seq) VALUES ($w, $s)", new { w = id, s = seq }, cancellationToken: _stop.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _acknowledged);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    break;
                }
#pragma warning disable CA1031 // Any failure is what the attack made the writer see: counted and reported, never thrown.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref _failed);
                    if (_errors.Count < 16)
                    {
                        _errors.Enqueue(Describe.Error(ex));
                    }

                    pacing = TimeSpan.FromMilliseconds(Math.Max(pacing.TotalMilliseconds, 100)); // no tight loop against a dead node
                }

                if (pacing > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(pacing, _stop.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }
        }
    }
}
