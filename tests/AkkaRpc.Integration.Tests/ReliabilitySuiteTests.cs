using AkkaRpc.Reliability.Attacks;
using AkkaRpc.Reliability.Reporting;
using AkkaRpc.Reliability.Running;
using Xunit.Abstractions;

namespace AkkaRpc.Integration.Tests;

/// <summary>The reliability suite runs its attacks alone: they measure times and memory that other tests would disturb.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection : ICollectionFixture<QuickReliabilityRun>
{
    public const string Name = "reliability";
}

/// <summary>
/// The short form of <c>akkarpc reliability</c>, as CI runs it: per attack, the invariants that must hold after it
/// (nothing acknowledged lost, the node still serving a fresh client) and what the attacker must have seen.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ReliabilitySuiteTests(QuickReliabilityRun run, ITestOutputHelper output)
{
    public static TheoryData<string> QuickAttacks
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var attack in AttackCatalog.For(SuiteProfile.Quick))
            {
                data.Add(attack.Name);
            }

            return data;
        }
    }

    [Fact]
    public void TheQuickRun_PrintsOneLinePerAttack_WithinItsCeiling()
    {
        output.WriteLine($"akkarpc reliability --quick took {run.Elapsed.TotalSeconds:0.0} s (load average {run.Report.LoadAverage})");
        output.WriteLine(run.Table);
        Assert.Equal(AttackCatalog.For(SuiteProfile.Quick).Select(a => a.Name), run.Report.Results.Select(r => r.Attack));
        Assert.Contains("acknowledged writes", run.Table, StringComparison.Ordinal);
        Assert.Contains("node still serving", run.Table, StringComparison.Ordinal);
        Assert.True(run.Report.Seconds < 180 * TestTime.Factor, $"the quick run took {run.Report.Seconds:0} s");
    }

    [Fact]
    public void TheLongForm_CoversEveryItemOfIssue11_AndTheQuickFormAllButTheLongPause()
    {
        static IEnumerable<int> Items(SuiteProfile profile) =>
            AttackCatalog.For(profile).Where(a => a.Item != "held").Select(a => int.Parse(a.Item, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order();
        Assert.Equal(Enumerable.Range(1, 11), Items(SuiteProfile.Long));
        Assert.Equal(Enumerable.Range(1, 10), Items(SuiteProfile.Quick));
    }

    [Theory]
    [MemberData(nameof(QuickAttacks))]
    public void AfterEachAttack_NothingAcknowledgedIsLost_AndTheNodeStillServes(string attack)
    {
        var line = run.Line(attack);
        output.WriteLine($"{line.Attack}: {line.Outcome} | acknowledged {line.AcknowledgedWrites}, rows {line.RowsPresent}, lost {line.LostWrites}, serving {line.NodeServing} {line.ServingNote}");
        Assert.DoesNotContain("attack failed", line.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("attack cut off", line.Outcome, StringComparison.Ordinal);
        Assert.True(line.AcknowledgedWrites > 0, "the honest writer got nothing acknowledged");
        Assert.NotNull(line.RowsPresent);

        Assert.Equal(0, line.LostWrites);
        Assert.True(line.RowsPresent >= line.AcknowledgedWrites, $"{line.RowsPresent} rows for {line.AcknowledgedWrites} acknowledged writes");
        Assert.True(line.NodeServing, line.ServingNote);
    }

    [Theory]
    [InlineData("SIGKILL under 4 writers", "node SIGKILLed")]
    [InlineData("bad handshakes, garbage and oversize frames", "garbage: refused")]
    [InlineData("bad handshakes, garbage and oversize frames", "bad magic: refused")]
    [InlineData("bad handshakes, garbage and oversize frames", "version 99: refused")]
    [InlineData("bad handshakes, garbage and oversize frames", "100 MB frame before authentication: refused")]
    [InlineData("bad handshakes, garbage and oversize frames", "17 MiB request: StatementRefusedException")]
    [InlineData("bad handshakes, garbage and oversize frames", "same client after it: served (1 row)")]
    // The table keeps an error's first line; the cookie refusal is named on the lines after it (ClientProcessTests checks that).
    [InlineData("wrong cookie", "client with another cookie: NodeUnreachableException")]
    [InlineData("bad database names", "8/8 refused")]
    [InlineData("ATTACH / VACUUM INTO / load_extension", "file outside written: no")]
    [InlineData("corrupt database header", "DatabaseUnavailableException")]
    [InlineData("pragmas and temp trigger of one client", "CHECK violation SqlErrorException")]
    [InlineData("pragmas and temp trigger of one client", "its valid row stored as written")]
    [InlineData("pragmas and temp trigger of one client", "a 2 MB row in another database: ok")]
    [InlineData("runaway WITH RECURSIVE, then akkarpc stop", "another database meanwhile: 1 row")]
    [InlineData("runaway WITH RECURSIVE, then akkarpc stop", "node exited")]
    [InlineData("client killed between Begin and Commit", "another client's write: acknowledged")]
    [InlineData("client killed between Begin and Commit", "uncommitted rows present: 0")]
    [InlineData("rm node.sock", "socket re-created after")]
    [InlineData("rm node.sock", "new client: served")]
    [InlineData("remote PoisonPill and Kill to /user/databases", "after PoisonPill and Kill: still there; a new client: served")]
    [InlineData("cursors opened and never fetched", "one client left 16 cursors open")]
    [InlineData("cursors opened and never fetched", "meanwhile: 2500 rows")]
    [InlineData("cursors opened and never fetched", "after the first client left: 2500 rows")]
    [InlineData("huge parameter count, zeroblob reply", "same client after: served (1 row)")]
    [InlineData("huge parameter count, zeroblob reply", "zeroblob(20,000,000): StatementRefusedException")]
    [InlineData("many distinct database names", "200/200 names answered")]
    [InlineData("unauthenticated connection flood", "a TCP client before: served")]
    [InlineData("unauthenticated connection flood", "during: served")]
    [InlineData("SIGSTOP 2 s", "same client's next insert after resume: acknowledged")]
    public void TheAttacker_SawWhatAHardenedNodeAnswers(string attack, string expected)
    {
        var line = run.Line(attack);
        output.WriteLine(line.Outcome);
        Assert.Contains(expected, line.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("ACCEPTED", line.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("FINISHED", line.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("REWRITTEN", line.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("STILL RUNNING", line.Outcome, StringComparison.Ordinal);
        if (attack == "wrong cookie")
        {
            Assert.DoesNotContain("served", line.Outcome, StringComparison.Ordinal);
        }
    }
}
