using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>The scenarios of <c>akkarpc bench actors</c>, built for every registered <see cref="IPingPongSystem"/>.</summary>
/// <remarks>
/// The measures, each run by every system so it can be divided by the channel floor:
/// <list type="bullet">
/// <item>one pair, 1 message in flight: every message waits for the other side to wake, so this is the cost of one hand-off between threads;</item>
/// <item>one pair, <see cref="BatchInFlight"/> in flight: neither side idles, so this is the per-message cost of a busy mailbox;</item>
/// <item>one pair per core, <see cref="BatchInFlight"/> in flight each: aggregate throughput with every core busy;</item>
/// <item>request/reply round trip, one at a time: the latency of an <c>Ask</c>.</item>
/// </list>
/// </remarks>
internal static class ActorsSuite
{
    /// <summary>The suite's name in the table title and the JSON.</summary>
    public const string SuiteName = "actors";

    /// <summary>Messages kept in flight per pair by the batched throughput measures.</summary>
    public const int BatchInFlight = 100;

    /// <summary>Returns the systems to measure, floor first.</summary>
    public static IReadOnlyList<IPingPongSystem> CreateSystems() => [new ChannelPingPong(), new ActorPingPong()];

    /// <summary>Returns every measure for every system, grouped by measure so each floor row sits above the rows it judges.</summary>
    public static IReadOnlyList<IBenchmarkScenario> CreateScenarios(IReadOnlyList<IPingPongSystem> systems, int processorCount)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentOutOfRangeException.ThrowIfLessThan(processorCount, 1);

        string perCore = $"tell, {processorCount} pairs (1 per core), {BatchInFlight} in flight each";
        var measures = new Func<IPingPongSystem, IBenchmarkScenario>[]
        {
            s => new PingPongThroughputScenario(s, pairs: 1, inFlight: 1, "tell, 1 pair, 1 in flight"),
            s => new PingPongThroughputScenario(s, pairs: 1, inFlight: BatchInFlight, $"tell, 1 pair, {BatchInFlight} in flight"),
            s => new PingPongThroughputScenario(s, processorCount, BatchInFlight, perCore),
            s => new RequestReplyLatencyScenario(s, "ask round trip, 1 at a time"),
        };

        var scenarios = new List<IBenchmarkScenario>(measures.Length * systems.Count);
        foreach (Func<IPingPongSystem, IBenchmarkScenario> measure in measures)
        {
            foreach (IPingPongSystem system in systems)
            {
                scenarios.Add(measure(system));
            }
        }

        return scenarios;
    }
}
