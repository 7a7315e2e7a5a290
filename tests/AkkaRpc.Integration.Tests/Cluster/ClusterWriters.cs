using System.Diagnostics;
using AkkaRpc.Client;

namespace AkkaRpc.Integration.Tests.Cluster;

/// <summary>
/// Clients that insert (client, seq) rows into one database of a local cluster, one call at a time each, each on its own
/// connection (as separate processes would be), recording every outcome with when its call started and ended. They
/// never start a node: with no member answering, a call fails and is retried (it certainly did not run).
/// </summary>
internal sealed class ClusterWriters : IAsyncDisposable
{
    private readonly List<Outcome> _outcomes = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>One call: which client, which row, what came of it, through which member (the one that answered, for an acknowledged call), and when.</summary>
    public sealed record Outcome(int Client, int Seq, string Kind, string Member, TimeSpan Started, TimeSpan Ended, string? Error);

    public const string Ack = "ack";
    public const string Unknown = "unknown";
    public const string Failed = "failed";

    /// <summary>The clock every outcome's times are on.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Starts <paramref name="clients"/> writers into <paramref name="database"/> (the table <c>items</c> must exist).</summary>
    public static ClusterWriters Start(ClientSandbox sandbox, string database, int clients, TimeSpan requestTimeout)
    {
        var writers = new ClusterWriters();
        for (var client = 0; client < clients; client++)
        {
            var id = client;
            writers._loops.Add(Task.Run(() => writers.WriteAsync(sandbox, database, id, requestTimeout)));
        }

        return writers;
    }

    public IReadOnlyList<Outcome> Outcomes
    {
        get
        {
            lock (_outcomes)
            {
                return [.. _outcomes];
            }
        }
    }

    public int Count(string kind) => Outcomes.Count(o => o.Kind == kind);

    /// <summary>Waits until <paramref name="predicate"/> holds over the outcomes; fails the test naming <paramref name="what"/> after <paramref name="ceiling"/>.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<Outcome>, bool> predicate, string what, TimeSpan ceiling)
    {
        var waited = Stopwatch.StartNew();
        while (!predicate(Outcomes))
        {
            if (waited.Elapsed > ceiling)
            {
                Assert.Fail($"Not within {ceiling}: {what}. Outcomes: {Summary()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Stops every writer after its current call and waits for them.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops).WaitAsync(ClientSandbox.Ceiling);
    }

    public string Summary()
    {
        var outcomes = Outcomes;
        return $"{outcomes.Count(o => o.Kind == Ack)} acks, {outcomes.Count(o => o.Kind == Unknown)} unknown, {outcomes.Count(o => o.Kind == Failed)} failed; last errors: " +
            string.Join(" | ", outcomes.Where(o => o.Error is not null).TakeLast(4).Select(o => $"{o.Ended.TotalSeconds:0.00}s client {o.Client}: {o.Error}"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await Task.WhenAll(_loops).WaitAsync(ClientSandbox.Ceiling).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task WriteAsync(ClientSandbox sandbox, string database, int client, TimeSpan requestTimeout)
    {
        var options = new AkkaRpcClientOptions
        {
            RuntimeDirectory = sandbox.RuntimeDirectory,
            DataDirectory = sandbox.DataDirectory,
            AutoSpawn = false,
            PrivateConnection = true,
            RequestTimeout = requestTimeout,
        };
        AkkaRpcDatabase? db = null;
        try
        {
            var seq = 0;
            while (!_stop.IsCancellationRequested)
            {
                var started = _clock.Elapsed;
                var member = "";
                try
                {
                    db ??= await AkkaRpcClient.ConnectAsync(database, options);
                    member = db.NodeAddress;
                    await db.ExecuteAsync("INSERT INTO items(client, seq) VALUES ($client, $seq)", new { client, seq });

                    // The member that answered: a call refused unrun by one member is resent, and may end on another.
                    Record(new Outcome(client, seq, Ack, db.NodeAddress, started, _clock.Elapsed, null));
                    seq++;
                }
                catch (AkkaRpcException e) when (e.OutcomeUnknown)
                {
                    Record(new Outcome(client, seq, Unknown, member, started, _clock.Elapsed, $"{e.GetType().Name}: {e.Message}"));
                    seq++;
                }
                catch (AkkaRpcException e)
                {
                    // It certainly did not run (no member answered, or the database is being moved): the same row again.
                    Record(new Outcome(client, seq, Failed, member, started, _clock.Elapsed, $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}"));
                    await Task.Delay(50);
                }
            }
        }
        finally
        {
            if (db is not null)
            {
                await db.DisposeAsync();
            }
        }
    }

    private void Record(Outcome outcome)
    {
        lock (_outcomes)
        {
            _outcomes.Add(outcome);
        }
    }
}
