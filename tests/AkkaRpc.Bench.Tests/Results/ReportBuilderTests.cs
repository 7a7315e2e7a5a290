using AkkaRpc.Bench.Results;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;

namespace AkkaRpc.Bench.Tests.Results;

/// <summary>One harness for every suite: median rounds, every round kept, ratios to the baselines of the same run.</summary>
public sealed class ReportBuilderTests
{
    [Fact]
    public void WithSeveralRounds_EachLatencyIsQuotedFromItsMedianRound_WithEveryRoundKept()
    {
        // Rounds of 300, 100 and 200 µs: the median round is the third.
        var report = ReportBuilder.Build(
            [Outcomes.Latency("raw_tcp", 300_000, round: 1), Outcomes.Latency("raw_tcp", 100_000, round: 2), Outcomes.Latency("raw_tcp", 200_000, round: 3)],
            Outcomes.Metadata(rounds: 3));

        var system = Assert.Single(report.Systems).Value;
        Assert.Equal(200e-6, system.Latency!.Median, 9);
        var rounds = system.Rounds!["latency_p50"];
        Assert.Equal("ns", rounds.Unit);
        Assert.Equal([300_000.0, 100_000.0, 200_000.0], rounds.Values);
        Assert.Equal(2, rounds.MedianRound);
        Assert.Equal(0.5, rounds.RelativeSpread, 2);
    }

    [Fact]
    public void AnEvenNumberOfRounds_QuotesTheLowerMedian_ARoundThatReallyRan()
    {
        var report = ReportBuilder.Build(
            [Outcomes.Latency("raw_tcp", 400_000, round: 1), Outcomes.Latency("raw_tcp", 100_000, round: 2), Outcomes.Latency("raw_tcp", 300_000, round: 3), Outcomes.Latency("raw_tcp", 200_000, round: 4)],
            Outcomes.Metadata(rounds: 4));

        Assert.Equal(200e-6, report.Systems[0].Value.Latency!.Median, 9);
        Assert.Equal(3, report.Systems[0].Value.Rounds!["latency_p50"].MedianRound);
    }

    [Fact]
    public void ThroughputRounds_AreRankedByRequestsPerSecond()
    {
        var report = ReportBuilder.Build(
            [
                Outcomes.Pipelined("raw_tcp", 30_000, 1_000_000_000, round: 1),
                Outcomes.Pipelined("raw_tcp", 10_000, 1_000_000_000, round: 2),
                Outcomes.Pipelined("raw_tcp", 20_000, 1_000_000_000, round: 3),
            ],
            Outcomes.Metadata(rounds: 3));

        var system = report.Systems[0].Value;
        Assert.Equal(20_000, system.Pipelined!.ThroughputRps, 3);
        Assert.Equal(64, system.Pipelined.InFlight);
        Assert.Equal("req/s", system.Rounds!["pipelined_throughput"].Unit);
        Assert.Equal(2, system.Rounds["pipelined_throughput"].MedianRound);
    }

    [Fact]
    public void OneRound_HasNoRoundFigures_SoTheSuitesJsonKeepsItsShape()
    {
        var report = ReportBuilder.Build([Outcomes.Latency("raw_tcp", 100_000), Outcomes.Concurrency("raw_tcp", 4, 400, 1_000_000_000)], Outcomes.Metadata());

        Assert.Null(report.Systems[0].Value.Rounds);
        Assert.Equal(400, report.Systems[0].Value.Concurrency!.ThroughputRps, 3);
        Assert.Null(report.Systems[0].Value.Pipelined);
    }

    [Fact]
    public void SeveralClientCounts_MakeACurveFewestFirst_AndTheLargestIsRpycbenchsConcurrencyFigure()
    {
        var report = ReportBuilder.Build(
            [Outcomes.Concurrency("raw_tcp", 32, 3_200, 1_000_000_000), Outcomes.Concurrency("raw_tcp", 1, 100, 1_000_000_000), Outcomes.Concurrency("raw_tcp", 8, 800, 1_000_000_000)],
            Outcomes.Metadata(rounds: 1));

        var system = report.Systems.Single().Value;
        Assert.Equal([1, 8, 32], system.ConcurrencyCurve!.Select(c => c.Clients));
        Assert.Equal([100.0, 800.0, 3_200.0], system.ConcurrencyCurve!.Select(c => Math.Round(c.ThroughputRps)));
        Assert.Equal(32, system.Concurrency!.Clients);
        Assert.Equal(3_200, system.Concurrency.ThroughputRps, 3);
    }

    [Fact]
    public void SeveralClientCounts_OverRounds_QuoteEachCountsMedianRound()
    {
        var report = ReportBuilder.Build(
            [
                Outcomes.Concurrency("raw_tcp", 1, 100, 1_000_000_000, round: 1), Outcomes.Concurrency("raw_tcp", 8, 800, 1_000_000_000, round: 1),
                Outcomes.Concurrency("raw_tcp", 1, 300, 1_000_000_000, round: 2), Outcomes.Concurrency("raw_tcp", 8, 400, 1_000_000_000, round: 2),
                Outcomes.Concurrency("raw_tcp", 1, 200, 1_000_000_000, round: 3), Outcomes.Concurrency("raw_tcp", 8, 600, 1_000_000_000, round: 3),
            ],
            Outcomes.Metadata(rounds: 3));

        var system = report.Systems.Single().Value;
        Assert.Equal([200.0, 600.0], system.ConcurrencyCurve!.Select(c => Math.Round(c.ThroughputRps)));
        Assert.Equal(["concurrency_throughput_1_clients", "concurrency_throughput_8_clients"], system.Rounds!.Keys.Order());
    }

    [Fact]
    public void EveryContender_IsDividedByItsBaselines_OfTheSameRun()
    {
        var report = ReportBuilder.Build(
            [
                Outcomes.Latency(SystemCatalog.AkkaRpcTcp, 100_000),
                Outcomes.Latency(SystemCatalog.AkkaDotNetty, 400_000),
                Outcomes.Latency(SystemCatalog.Http, 200_000),
                Outcomes.Latency(SystemCatalog.RawTcp, 50_000),
                Outcomes.Latency(SystemCatalog.InProcess, 10_000),
                Outcomes.Pipelined(SystemCatalog.AkkaRpcTcp, 60_000, 1_000_000_000),
                Outcomes.Pipelined(SystemCatalog.AkkaDotNetty, 20_000, 1_000_000_000),
            ],
            Outcomes.Metadata());

        var ours = report.Ratios[SystemCatalog.AkkaRpcTcp];
        Assert.Equal(0.5, ours.VsHttp!.LatencyMean!.Value, 6);
        Assert.Equal(2.0, ours.VsFloor!.LatencyMedian!.Value, 6);
        Assert.Equal(SystemCatalog.RawTcp, ours.VsFloor.Baseline);
        Assert.Equal(10.0, ours.VsInProcess!.LatencyP99!.Value, 6);
        Assert.Equal(0.25, ours.VsAkkaDotNetty!.LatencyMedian!.Value, 6);
        Assert.Equal(3.0, ours.VsAkkaDotNetty.PipelinedThroughput!.Value, 6);
        var stock = report.Ratios[SystemCatalog.AkkaDotNetty];
        Assert.Null(stock.VsAkkaDotNetty);
        Assert.Equal(8.0, stock.VsFloor!.LatencyMean!.Value, 6);
        Assert.DoesNotContain(SystemCatalog.Http, report.Ratios.Keys);
    }

    [Fact]
    public void TheOwner_IsJudgedAgainstTheBareConnection_AsItsFloor()
    {
        var report = ReportBuilder.Build(
            [Outcomes.Latency(SystemCatalog.Owner, 30_000), Outcomes.Latency(SystemCatalog.InProcess, 10_000), Outcomes.Latency(SystemCatalog.Owner, 90_000, operation: OperationKind.Insert), Outcomes.Latency(SystemCatalog.InProcess, 30_000, operation: OperationKind.Insert)],
            Outcomes.Metadata("owner"));

        var ratios = report.Ratios[SystemCatalog.Owner];
        Assert.Equal(SystemCatalog.InProcess, ratios.VsFloor!.Baseline);
        Assert.Equal(3.0, ratios.VsFloor.LatencyMean!.Value, 6);
        Assert.Equal(3.0, ratios.VsFloor.InsertLatencyMean!.Value, 6);
        Assert.Null(ratios.VsInProcess);
        Assert.Null(ratios.VsHttp);
    }

    [Fact]
    public void FailuresAndLosses_CountInEveryRound_NotOnlyTheQuotedOne()
    {
        var failing = Outcomes.Latency("raw_tcp", 100_000, round: 1, requests: 3);
        failing = failing with { Metrics = failing.Metrics with { Failures = new Dictionary<string, long> { ["TimeoutException"] = 1 } }, LostClients = 1 };

        var report = ReportBuilder.Build([failing, Outcomes.Latency("raw_tcp", 50_000, round: 2, requests: 3), Outcomes.Latency("raw_tcp", 60_000, round: 3, requests: 3)], Outcomes.Metadata(rounds: 3));

        var system = report.Systems[0].Value;
        Assert.Equal(9.0 / 10, system.SuccessRate, 6);
        Assert.Equal(1, system.FailuresByKind["TimeoutException"]);
        Assert.Equal(1, system.LostClients);
    }
}
