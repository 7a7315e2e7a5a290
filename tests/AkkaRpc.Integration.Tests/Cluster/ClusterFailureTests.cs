using System.Globalization;
using Xunit.Abstractions;
using static AkkaRpc.Integration.Tests.Cluster.ClusterWriters;

namespace AkkaRpc.Integration.Tests.Cluster;

/// <summary>
/// Members of a real local cluster killed, frozen and outvoted while four clients write: no acknowledged write is lost,
/// a downed member never writes again, and the split-brain rule (keep-majority) decides. Each test prints its figures.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailureTests(ITestOutputHelper output)
{
    private const string Database = "orders";

    [Fact]
    public async Task TheOwnerKilledWhileFourClientsWrite_LosesNoAcknowledgedWrite_AndWritesResumeThroughAnotherMember()
    {
        await using var cluster = await StartWithTableAsync();
        var members = cluster.Members();
        var firstOwner = await cluster.OwnerAsync(Database);
        var victim = members.Single(m => m.Address == firstOwner);
        await using var writers = ClusterWriters.Start(cluster.Sandbox, Database, 4, TimeSpan.FromSeconds(10));
        await writers.WaitForAsync(o => o.Count(x => x.Kind == Ack) >= 200, "200 acknowledged writes", ClientSandbox.Ceiling);

        var killedAt = writers.Now;
        LocalCluster.Signal(victim.Pid, "KILL");
        await writers.WaitForAsync(o => o.Count(x => x.Kind == Ack && x.Started > killedAt) >= 200, "200 acknowledged writes issued after the kill", ClientSandbox.Ceiling);
        await writers.StopAsync();

        var outcomes = writers.Outcomes;
        var rows = await cluster.RowsAsync(Database);
        var (acked, _) = Sets(outcomes);
        AssertEveryAckedWriteAndNothingElse(rows, outcomes);
        Assert.Equal("ok", await cluster.IntegrityCheckAsync(Database));
        var newOwner = await cluster.OwnerAsync(Database);
        Assert.NotEqual(victim.Address, newOwner);
        var resumed = outcomes.Where(o => o.Kind == Ack && o.Started > killedAt).ToList();
        var perClient = resumed.GroupBy(o => o.Client).Select(g => g.Min(o => o.Ended) - killedAt).ToList();
        Assert.Equal(4, perClient.Count); // every client wrote again

        // In the steady state every client talks to the owner's member itself (LocateOwner), not through a relay on the
        // member it entered at: before the kill, and again once it found the new owner.
        var before = outcomes.Where(o => o.Kind == Ack && o.Ended < killedAt).ToList();
        Assert.All(before, o => Assert.Equal(victim.Address, o.Member));
        Assert.All(resumed.GroupBy(o => o.Client), g => Assert.Equal(newOwner, g.Last().Member));

        Report(
            "SIGKILL of the owner, 4 clients",
            $"owner {victim.Address} (pid {victim.Pid}) killed; new owner {newOwner}",
            Figures(outcomes, rows, acked),
            $"kill to the first acknowledged write issued after the kill: {(resumed.Min(o => o.Ended) - killedAt).TotalMilliseconds:0} ms; every client writing again: {perClient.Max().TotalMilliseconds:0} ms",
            $"acknowledged writes sent straight to the owner's member: {before.Count} of {before.Count} before the kill, {resumed.Count(o => o.Member == newOwner)} of {resumed.Count} after it",
            "PRAGMA integrity_check: ok");
    }

    // A run on 2026-12-02 found a split brain here: the thawed owner saw the survivors become unreachable one at a
    // time, found itself in the majority each time and downed them. QuarantineGuard now shuts it down as downed as
    // soon as a survivor refuses its quarantined incarnation.
    [Fact]
    public async Task AnOwnerFrozenPastTheFailureDetector_IsDowned_AndAfterSigcontNeverServesNorWritesAgain()
    {
        await using var cluster = await StartWithTableAsync();
        var members = cluster.Members();
        var firstOwner = await cluster.OwnerAsync(Database);
        var frozen = members.Single(m => m.Address == firstOwner);
        await using var writers = ClusterWriters.Start(cluster.Sandbox, Database, 4, TimeSpan.FromSeconds(30));
        await writers.WaitForAsync(o => o.Count(x => x.Kind == Ack) >= 200, "200 acknowledged writes", ClientSandbox.Ceiling);

        var stoppedAt = writers.Now;
        LocalCluster.Signal(frozen.Pid, "STOP");

        // The kernel stops every thread of the process a moment after kill(2) returns: from then on nothing it answers
        // can have run before the freeze.
        await AwaitAsync(() => File.ReadAllText($"/proc/{frozen.Pid}/stat").Split(") ")[1].StartsWith('T'), "the member stopped by SIGSTOP");
        var frozenAt = writers.Now;
        // The survivors' leader removes it once the split-brain resolver has downed it (Akka.Cluster logs this).
        var removal = $"removing unreachable node [{frozen.Address}]";
        await AwaitAsync(() => members.Where(m => m != frozen).Any(m => LocalCluster.ReadLog(m.Log).Contains(removal, StringComparison.Ordinal)), "the frozen member removed by the survivors");
        var downedAfter = writers.Now - stoppedAt;

        // Thawed, the downed member may still hold requests it read before the freeze, and may be asked directly: it
        // must run none of them, and stop.
        var contAt = writers.Now;
        LocalCluster.Signal(frozen.Pid, "CONT");
        var direct = Path.Combine(cluster.Sandbox.Root, "frozen-member.conf");
        await File.WriteAllTextAsync(direct, $"akkarpc.client {{ node-address = \"{frozen.Address}\", request-timeout = 5s }}\n");
        var (directCode, _, directError) = await cluster.AkkarpcAsync("query", Database, "INSERT INTO items(client, seq) VALUES (99, 0)", "--config", direct);
        Assert.True(await LocalCluster.WaitForExitAsync(frozen.Pid, ClientSandbox.Ceiling), $"the downed member still runs after SIGCONT:{Environment.NewLine}{LocalCluster.ReadLog(frozen.Log)}");
        var exitedAt = writers.Now;
        Assert.Contains("downed by the cluster", LocalCluster.ReadLog(frozen.Log), StringComparison.Ordinal);
        Assert.NotEqual(0, directCode);

        // While frozen it may hold SQLite's write lock, so the new owner writes once it is gone.
        await writers.WaitForAsync(o => o.Count(x => x.Kind == Ack && x.Started > exitedAt) >= 100, "100 acknowledged writes issued after the downed member exited", ClientSandbox.Ceiling);
        await writers.StopAsync();
        var outcomes = writers.Outcomes;
        var rows = await cluster.RowsAsync(Database);
        Assert.DoesNotContain((99, 0), rows);
        var (acked, _) = Sets(outcomes);
        AssertEveryAckedWriteAndNothingElse(rows, outcomes);
        Assert.Equal("ok", await cluster.IntegrityCheckAsync(Database));
        var newOwner = await cluster.OwnerAsync(Database);
        Assert.NotEqual(frozen.Address, newOwner);
        var firstAckAfterStop = outcomes.Where(o => o.Kind == Ack && o.Started > stoppedAt).Min(o => o.Ended);

        // Sent to the member once it was stopped, and acknowledged: only the thawed (downed) member could have run it.
        var ranByTheDowned = outcomes.Where(o => o.Kind == Ack && o.Member == frozen.Address && o.Started > frozenAt).ToList();
        Assert.True(ranByTheDowned.Count == 0, $"The downed member ran {ranByTheDowned.Count} writes sent to it while it was stopped (SIGCONT {(contAt - frozenAt).TotalSeconds:0.000} s after it stopped, exit {(exitedAt - frozenAt).TotalSeconds:0.000} s): " +
            string.Join(", ", ranByTheDowned.Take(12).Select(o => $"({o.Client}, {o.Seq}) {(o.Started - frozenAt).TotalSeconds:0.000}-{(o.Ended - frozenAt).TotalSeconds:0.000} s")) +
            Environment.NewLine + LocalCluster.ReadLog(frozen.Log));

        Report(
            "SIGSTOP of the owner past the failure detector, then SIGCONT",
            $"owner {frozen.Address} (pid {frozen.Pid}) frozen; new owner {newOwner}",
            Figures(outcomes, rows, acked),
            $"SIGSTOP to its removal by the survivors: {downedAfter.TotalMilliseconds:0} ms; SIGCONT to its exit (downed by the cluster): {(exitedAt - contAt).TotalMilliseconds:0} ms",
            $"SIGSTOP to the first acknowledged write issued after it: {(firstAckAfterStop - stoppedAt).TotalMilliseconds:0} ms (the frozen process may hold SQLite's write lock until it exits)",
            $"an insert sent straight to the thawed member: exit code {directCode}, {FirstLine(directError)}; not in the table",
            $"writes sent to the member while it was stopped and acknowledged (run by it after SIGCONT): {ranByTheDowned.Count}",
            "PRAGMA integrity_check: ok");
    }

    [Fact]
    public async Task TwoOfThreeMembersKilled_TheSurvivorDownsItself_KeepMajority_AndNoAcknowledgedWriteIsLost()
    {
        await using var cluster = await StartWithTableAsync();
        var members = cluster.Members();
        var owner = await cluster.OwnerAsync(Database);
        var survivor = members.Single(m => m.Address == owner); // the owner survives, so writes would go on if it did not down itself
        await using var writers = ClusterWriters.Start(cluster.Sandbox, Database, 4, TimeSpan.FromSeconds(3));
        await writers.WaitForAsync(o => o.Count(x => x.Kind == Ack) >= 200, "200 acknowledged writes", ClientSandbox.Ceiling);

        var killedAt = writers.Now;
        foreach (var member in members.Where(m => m.Pid != survivor.Pid))
        {
            LocalCluster.Signal(member.Pid, "KILL");
        }

        Assert.True(await LocalCluster.WaitForExitAsync(survivor.Pid, ClientSandbox.Ceiling), $"the survivor did not down itself:{Environment.NewLine}{LocalCluster.ReadLog(survivor.Log)}");
        var downedAt = writers.Now;
        Assert.Contains("downed by the cluster", LocalCluster.ReadLog(survivor.Log), StringComparison.Ordinal);
        // With no member left, every write fails with a clear error, and none is acknowledged.
        await writers.WaitForAsync(o => o.Count(x => x.Kind == Failed && x.Started > downedAt) >= 4, "4 failed writes after the survivor went", ClientSandbox.Ceiling);
        await writers.StopAsync();
        var outcomes = writers.Outcomes;
        Assert.DoesNotContain(outcomes, o => o.Kind == Ack && o.Started > downedAt);
        var userSees = outcomes.Last(o => o.Kind == Failed).Error!;
        var (noSpawnCode, _, noSpawnError) = await cluster.AkkarpcAsync("query", Database, "SELECT count(*) FROM items", "--no-spawn");
        Assert.Equal(1, noSpawnCode);
        Assert.Contains("No AkkaRpc node", noSpawnError, StringComparison.Ordinal);

        // A client that may start a node gets a single node on the same files: every acknowledged write is there.
        var rows = await cluster.RowsAsync(Database, spawn: true);
        var (acked, _) = Sets(outcomes);
        AssertEveryAckedWriteAndNothingElse(rows, outcomes);
        Assert.Equal("ok", await cluster.IntegrityCheckAsync(Database, spawn: true));

        Report(
            "SIGKILL of two of three members (keep-majority)",
            $"survivor {survivor.Address} (pid {survivor.Pid}, the owner) downed itself {(downedAt - killedAt).TotalMilliseconds:0} ms after the kill",
            Figures(outcomes, rows, acked),
            $"writes acknowledged by the survivor between the kill and its exit: {outcomes.Count(o => o.Kind == Ack && o.Started > killedAt)}",
            $"a client then sees: {userSees}",
            $"akkarpc query --no-spawn: {FirstLine(noSpawnError)}",
            "PRAGMA integrity_check (through a node started afterwards): ok");
    }

    private async Task<LocalCluster> StartWithTableAsync()
    {
        var cluster = await LocalCluster.StartAsync(new ClientSandbox(), 3);
        var (code, _, error) = await cluster.AkkarpcAsync("query", Database, "CREATE TABLE items(client INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (client, seq))", "--no-spawn");
        if (code != 0)
        {
            await cluster.DisposeAsync();
            Assert.Fail(error);
        }

        return cluster;
    }

    private static async Task AwaitAsync(Func<bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < ClientSandbox.Ceiling, $"Not within {ClientSandbox.Ceiling}: {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Every acknowledged write is there, and nothing landed whose client was told it certainly did not run. A failure
    /// names each row at fault with every outcome its client saw for that row.
    /// </summary>
    private static void AssertEveryAckedWriteAndNothingElse(HashSet<(int, int)> rows, IReadOnlyList<Outcome> outcomes)
    {
        var (acked, unknown) = Sets(outcomes);
        var lost = acked.Except(rows).ToList();
        var stray = rows.Except(acked).Except(unknown).ToList();
        if (lost.Count == 0 && stray.Count == 0)
        {
            return;
        }

        string Seen((int Client, int Seq) row) => string.Join("; ", outcomes
            .Where(o => o.Client == row.Client && o.Seq == row.Seq)
            .Select(o => $"{o.Kind} via {o.Member} {o.Started.TotalSeconds:0.000}-{o.Ended.TotalSeconds:0.000}s {o.Error}"));
        Assert.Fail(string.Concat(
            lost.Select(r => $"{Environment.NewLine}acknowledged but missing {r}: {Seen(r)}").Concat(
            stray.Select(r => $"{Environment.NewLine}present though its client was told it did not run {r}: {Seen(r)}"))));
    }

    private static (HashSet<(int, int)> Acked, HashSet<(int, int)> Unknown) Sets(IReadOnlyList<Outcome> outcomes) => (
        outcomes.Where(o => o.Kind == Ack).Select(o => (o.Client, o.Seq)).ToHashSet(),
        outcomes.Where(o => o.Kind == Unknown).Select(o => (o.Client, o.Seq)).ToHashSet());

    private static string Figures(IReadOnlyList<Outcome> outcomes, HashSet<(int, int)> rows, HashSet<(int, int)> acked) =>
        $"acknowledged {acked.Count}, outcome unknown {outcomes.Count(o => o.Kind == Unknown)}, failed and retried {outcomes.Count(o => o.Kind == Failed)}; " +
        $"rows present {rows.Count}; acknowledged but missing (lost) {acked.Except(rows).Count()}" +
        string.Concat(outcomes.Where(o => o.Kind != Ack).GroupBy(o => o.Error?.Split(':')[0]).Select(g => $"{Environment.NewLine}    {g.Count()} x {g.First().Kind}: {g.First().Error}"));

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "(nothing)";

    private void Report(string test, params string[] lines)
    {
        output.WriteLine($"[cluster figures] {test}");
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }
    }
}
