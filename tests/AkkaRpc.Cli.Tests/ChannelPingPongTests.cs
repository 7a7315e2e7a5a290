using AkkaRpc.Cli.Benchmarking;
using AkkaRpc.Cli.Suites.Actors;

namespace AkkaRpc.Cli.Tests;

public sealed class ChannelPingPongTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task Pair_StopsAtItsMessageBudget(int inFlight)
    {
        await using IPingPongPair pair = await new ChannelPingPong().CreatePairAsync(inFlight, CancellationToken.None);

        long received = await pair.RunAsync(10_000, CancellationToken.None).WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(30)));

        // Each side stops at half the budget; the other may still receive what is in flight.
        Assert.InRange(received, 10_000 - 1, 10_000 + inFlight);
    }

    [Fact]
    public async Task Pair_StopsWhenSignalledAndReturnsItsCount()
    {
        await using IPingPongPair pair = await new ChannelPingPong().CreatePairAsync(10, CancellationToken.None);
        using var stop = new CancellationTokenSource();

        Task<long> run = pair.RunAsync(long.MaxValue, stop.Token);
        await stop.CancelAsync();

        long received = await run.WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(30)));
        Assert.True(received >= 1);
    }

    [Fact]
    public async Task Pair_RunsOnce()
    {
        await using IPingPongPair pair = await new ChannelPingPong().CreatePairAsync(1, CancellationToken.None);
        await pair.RunAsync(10, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => pair.RunAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task RequestReply_CompletesEveryRoundTrip()
    {
        await using IRequestReply requestReply = await new ChannelPingPong().CreateRequestReplyAsync(CancellationToken.None);

        for (int i = 0; i < 1_000; i++)
        {
            await requestReply.RoundTripAsync(CancellationToken.None).AsTask().WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public async Task ThroughputScenario_WithManyPairs_StaysWithinItsCountBudget()
    {
        var scenario = new PingPongThroughputScenario(new ChannelPingPong(), pairs: 4, inFlight: 10, "tell");

        RoundSample sample = await scenario.RunAsync(new RunBudget(40_000, TimeSpan.FromMinutes(1)), CancellationToken.None)
            .WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(30)));

        Assert.InRange(sample.Operations, 40_000 - 4, 40_000 + (4 * 10));
        Assert.True(sample.ElapsedNs > 0);
        Assert.Null(sample.Latency);
    }

    [Fact]
    public async Task LatencyScenario_RecordsOneSamplePerRoundTrip()
    {
        var scenario = new RequestReplyLatencyScenario(new ChannelPingPong(), "ask");

        RoundSample sample = await scenario.RunAsync(new RunBudget(500, TimeSpan.FromMinutes(1)), CancellationToken.None)
            .WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(30)));

        Assert.Equal(500, sample.Operations);
        Assert.NotNull(sample.Latency);
        Assert.Equal(500, sample.Latency.Count);
        Assert.True(sample.Latency.Min > 0);
    }

    [Fact]
    public async Task LatencyScenario_StopsAtItsTimeCap()
    {
        var scenario = new RequestReplyLatencyScenario(new ChannelPingPong(), "ask");

        RoundSample sample = await scenario.RunAsync(new RunBudget(long.MaxValue, TimeSpan.FromMilliseconds(50)), CancellationToken.None)
            .WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(30)));

        Assert.True(sample.Operations > 0);
        Assert.True(sample.ElapsedNs >= 50_000_000);
    }

    [Fact]
    public void Suite_GroupsEveryMeasureFloorFirst()
    {
        IReadOnlyList<IPingPongSystem> systems = ActorsSuite.CreateSystems();
        IReadOnlyList<IBenchmarkScenario> scenarios = ActorsSuite.CreateScenarios(systems, processorCount: 8);

        Assert.Equal([ChannelPingPong.SystemName, ActorPingPong.SystemName], systems.Select(s => s.Name));
        Assert.Equal(4 * systems.Count, scenarios.Count);
        Assert.Contains(scenarios, s => s.Name.Contains("8 pairs", StringComparison.Ordinal));
        Assert.Equal(scenarios.Count / systems.Count, scenarios.Select(s => s.Name).Distinct().Count());
    }
}
