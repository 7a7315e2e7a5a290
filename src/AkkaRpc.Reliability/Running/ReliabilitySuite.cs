using System.Diagnostics;
using AkkaRpc.Client;
using AkkaRpc.Reliability.Attacks;
using AkkaRpc.Reliability.Reporting;

namespace AkkaRpc.Reliability.Running;

/// <summary>
/// Runs attacks one after another, each on a freshly started node: start the honest writers, attack, stop the writers,
/// check that a fresh client is served another database, kill the node, restart it on the same files and count the rows
/// behind every acknowledged insert. That restarted node, a new process, is the next attack's: one start per attack.
/// Attacks use databases of their own, and the honest writers a table per attack, so no count mixes two attacks.
/// </summary>
internal sealed class ReliabilitySuite
{
    private readonly SuiteProfile _profile;
    private readonly TimeSpan _startCeiling;
    private readonly Action<string> _progress;

    /// <param name="profile">Counts and durations.</param>
    /// <param name="timeFactor">Stretches the node start, serving check and attack budget on a slow machine.</param>
    /// <param name="progress">Told each attack's name as it starts and its line as it ends.</param>
    public ReliabilitySuite(SuiteProfile profile, double timeFactor, Action<string> progress)
    {
        _profile = profile with { AttackBudget = profile.AttackBudget * timeFactor };
        _startCeiling = TimeSpan.FromSeconds(30) * timeFactor;
        TimeFactor = timeFactor;
        _progress = progress;
    }

    /// <summary>Gets the factor that stretches the ceilings.</summary>
    public double TimeFactor { get; }

    /// <summary>Runs <paramref name="attacks"/> (by default every attack of the profile) and returns the report.</summary>
    public async Task<SuiteReport> RunAsync(IEnumerable<Attack> attacks, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<AttackResult>();
        using var sandbox = new Sandbox();
        NodeUnderAttack? node = null;
        try
        {
            foreach (var (attack, index) in attacks.Select((a, i) => (a, i)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                _progress($"{attack.Name}...");
                AttackResult result;
                (result, node) = await RunOneAsync(attack, index, sandbox, node, cancellationToken).ConfigureAwait(false);
                _progress($"{attack.Name}: {result.Outcome} | acknowledged {result.AcknowledgedWrites}, rows {result.RowsPresent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, serving {result.NodeServing} ({result.Seconds:0.0} s)");
                results.Add(result);
            }
        }
        finally
        {
            if (node is not null)
            {
                await node.DisposeAsync().ConfigureAwait(false);
            }
        }

        return new SuiteReport(_profile.Name, clock.Elapsed.TotalSeconds, results, LoadAverage());
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unknown"; // not Linux
        }
    }

    /// <summary>Runs one attack on <paramref name="node"/> (started first when there is none); returns its line and the node left for the next.</summary>
    private async Task<(AttackResult Result, NodeUnderAttack? Node)> RunOneAsync(Attack attack, int index, Sandbox sandbox, NodeUnderAttack? node, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (node is null || node.HasExited)
        {
            if (node is not null)
            {
                await node.DisposeAsync().ConfigureAwait(false);
            }

            try
            {
                node = await NodeUnderAttack.StartAsync(sandbox, _startCeiling, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                return (new AttackResult(attack.Name, attack.Item, "node did not start: " + Describe.Error(ex), 0, null, null, false, "", clock.Elapsed.TotalSeconds), null);
            }
        }

        var phases = new List<string> { $"start {clock.Elapsed.TotalSeconds:0.0}" };
        await using var context = new AttackContext(sandbox, node, _profile, _startCeiling);
        var writer = await HonestWriter.StartAsync(context, $"w{index}", attack.HonestWriters, attack.WriterPacing, cancellationToken).ConfigureAwait(false);

        // The attack starts once the writers demonstrably write: an attack over in a millisecond still has acknowledged inserts to lose.
        await writer.WaitForAsync(attack.HonestWriters, TimeSpan.FromSeconds(10) * TimeFactor, cancellationToken).ConfigureAwait(false);
        string outcome;
        IReadOnlyList<WriteTally> own = [];
        using (var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            budget.CancelAfter(_profile.AttackBudget);
            try
            {
                var observation = await attack.RunAsync(context, budget.Token).ConfigureAwait(false);
                outcome = observation.Outcome;
                own = observation.Writes;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = $"attack cut off after its budget of {_profile.AttackBudget.TotalSeconds:0} s";
            }
#pragma warning disable CA1031 // An attack that throws is a finding: its error is the outcome.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                outcome = "attack failed: " + Describe.Error(ex);
            }
        }

        phases.Add($"attack {clock.Elapsed.TotalSeconds:0.0}");
        var (honest, failures) = await writer.StopAsync().ConfigureAwait(false);
        if (failures.Length > 0)
        {
            outcome += " | " + failures;
        }

        var (serving, note, restarted) = await ServingAsync(context, cancellationToken).ConfigureAwait(false);
        phases.Add($"serving {clock.Elapsed.TotalSeconds:0.0}");
        var tallies = own.Prepend(honest).ToList();
        var (rows, lost, countNote) = await CountAfterRestartAsync(context, tallies, restart: !restarted, cancellationToken).ConfigureAwait(false);
        if (countNote.Length > 0)
        {
            outcome += " | " + countNote;
        }

        phases.Add($"counted {clock.Elapsed.TotalSeconds:0.0} s");
        _progress($"  ({string.Join(", ", phases)})");
        return (new AttackResult(attack.Name, attack.Item, outcome, tallies.Sum(t => t.Acknowledged), rows, lost, serving, note, clock.Elapsed.TotalSeconds), context.Node);
    }

    /// <summary>
    /// Whether a fresh client is served another database by the node as the attack left it; a node the attack ended
    /// (killed, stopped) is restarted first, and the note says so.
    /// </summary>
    private async Task<(bool Serving, string Note, bool Restarted)> ServingAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var note = "";
        var restarted = context.Node.HasExited;
        if (restarted)
        {
            try
            {
                await context.RestartAsync(cancellationToken).ConfigureAwait(false);
                note = "(after restart)";
            }
            catch (InvalidOperationException ex)
            {
                return (false, "restart failed: " + Describe.Error(ex), false);
            }
        }

        using var ceiling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ceiling.CancelAfter(TimeSpan.FromSeconds(20) * TimeFactor);
        try
        {
            var canary = "canary" + Guid.NewGuid().ToString("N")[..8];
            await using var db = await context.ConnectAsync(canary, ceiling.Token, TimeSpan.FromSeconds(10) * TimeFactor).ConfigureAwait(false);
            await db.ExecuteAsync("CREATE TABLE t (v)", cancellationToken: ceiling.Token).ConfigureAwait(false);
            await db.ExecuteAsync("INSERT INTO t VALUES (1)", cancellationToken: ceiling.Token).ConfigureAwait(false);
            var rows = await db.QueryAsync("SELECT count(*) FROM t", cancellationToken: ceiling.Token).ConfigureAwait(false);
            return Convert.ToInt64(rows.Scalar(), System.Globalization.CultureInfo.InvariantCulture) == 1 ? (true, note, restarted) : (false, "canary row missing", restarted);
        }
#pragma warning disable CA1031 // Whatever stops the fresh client is the answer to "still serving?".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (false, (note + " " + Describe.Error(ex)).Trim(), restarted);
        }
    }

    /// <summary>
    /// Kills the node and restarts it on the same files (unless the attack's own end already made it restart), then
    /// counts the rows of every tallied table through a fresh client.
    /// </summary>
    private async Task<(long? Rows, long? Lost, string Note)> CountAfterRestartAsync(AttackContext context, IReadOnlyList<WriteTally> tallies, bool restart, CancellationToken cancellationToken)
    {
        try
        {
            if (restart || context.Node.HasExited)
            {
                await context.RestartAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException ex)
        {
            return (null, null, "restart for counting failed: " + Describe.Error(ex));
        }

        long rows = 0, lost = 0;
        foreach (var tally in tallies)
        {
            long present;
            try
            {
                await using var db = await context.ConnectAsync(tally.Database, cancellationToken, TimeSpan.FromSeconds(20) * TimeFactor).ConfigureAwait(false);
                var result = await db.QueryAsync($"SELECT count(*) FROM {tally.Table}", cancellationToken: cancellationToken).ConfigureAwait(false);
                present = Convert.ToInt64(result.Scalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (SqlErrorException ex) when (ex.Message.Contains("no such table", StringComparison.Ordinal))
            {
                present = 0; // the table itself is gone (or was never created): none of its rows are there
            }
            catch (AkkaRpcException ex)
            {
                return (null, null, $"counting {tally.Database}.{tally.Table} failed: {Describe.Error(ex)}");
            }

            rows += present;
            lost += Math.Max(0, tally.Acknowledged - present);
        }

        return (rows, lost, "");
    }
}
