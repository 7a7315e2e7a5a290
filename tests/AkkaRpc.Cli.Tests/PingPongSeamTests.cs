using AkkaRpc.Cli.Benchmarking;
using AkkaRpc.Cli.Suites.Actors;

namespace AkkaRpc.Cli.Tests;

/// <summary>Any second system registered next to the floor gets every measure, each judged against the floor.</summary>
public sealed class PingPongSeamTests
{
    [Fact]
    public async Task ASecondSystem_GetsEveryMeasureWithARatioToTheChannelFloor()
    {
        IPingPongSystem[] systems = [new ChannelPingPong(), new RenamedSystem("stand-in")];
        IReadOnlyList<IBenchmarkScenario> scenarios = ActorsSuite.CreateScenarios(systems, processorCount: 2);
        var settings = new BenchmarkSettings(1, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(10), 20_000, Quick: true);

        BenchmarkReport report = await new BenchmarkRunner(settings)
            .RunAsync(ActorsSuite.SuiteName, ChannelPingPong.SystemName, scenarios)
            .WaitAsync(TestTime.Ceiling(TimeSpan.FromSeconds(60)));

        Assert.Equal(8, report.Results.Count);
        Assert.Equal(["channels", "stand-in"], report.Results.Take(2).Select(r => r.System));
        Assert.All(report.Results.Where(r => r.System == "stand-in"), row => Assert.True(row.RatioToFloor > 0, row.Name));
    }

    /// <summary>The floor under another name, standing in for <c>ActorPingPong</c>.</summary>
    private sealed class RenamedSystem(string name) : IPingPongSystem
    {
        private readonly ChannelPingPong _inner = new();

        public string Name => name;

        public ValueTask<IPingPongPair> CreatePairAsync(int inFlight, CancellationToken cancellationToken) =>
            _inner.CreatePairAsync(inFlight, cancellationToken);

        public ValueTask<IRequestReply> CreateRequestReplyAsync(CancellationToken cancellationToken) =>
            _inner.CreateRequestReplyAsync(cancellationToken);

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }
}
