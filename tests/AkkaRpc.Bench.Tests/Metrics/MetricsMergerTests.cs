using AkkaRpc.Bench.Metrics;

namespace AkkaRpc.Bench.Tests.Metrics;

public sealed class MetricsMergerTests
{
    [Fact]
    public void MergeAll_AddsCountsBytesAndFailuresByKind_KeepsEveryClientsRate_AndTheLongestElapsed()
    {
        var a = Metrics([1_000, 2_000], successes: 2, failures: new() { ["TimeoutException"] = 1 }, sent: 10, received: 20, elapsed: 5_000, rate: 100);
        var b = Metrics([3_000], successes: 1, failures: new() { ["TimeoutException"] = 2, ["connect:SocketException"] = 4 }, sent: 1, received: 2, elapsed: 9_000, rate: 50);

        var merged = MetricsMerger.MergeAll([a, b]);

        Assert.Equal(3, merged.Successes);
        Assert.Equal(3, merged.Latency.Count);
        Assert.Equal((1_000L, 3_000L), (merged.Latency.Min, merged.Latency.Max));
        Assert.Equal(3, merged.Failures["TimeoutException"]);
        Assert.Equal(4, merged.Failures["connect:SocketException"]);
        Assert.Equal(7, merged.FailureCount);
        Assert.Equal((11L, 22L, 9_000L), (merged.BytesSent, merged.BytesReceived, merged.ElapsedNs));
        Assert.Equal([100.0, 50.0], merged.ClientRates);
    }

    [Fact]
    public void Merge_LeavesItsInputsAsTheyWere()
    {
        var a = Metrics([1_000], 1, [], 0, 0, 1, 1);
        var b = Metrics([2_000], 1, [], 0, 0, 1, 1);

        var merged = a.Merge(b);
        var snapshot = new MetricsMerger().Add(merged).ToMetrics();
        merged.Latency.Record(5);

        Assert.Equal(1, a.Latency.Count);
        Assert.Equal(1, b.Latency.Count);
        Assert.Equal(2, snapshot.Latency.Count);
    }

    [Fact]
    public void Empty_IsTheIdentityOfMerge()
    {
        var a = Metrics([1_000, 7_000], 2, new() { ["x"] = 1 }, 3, 4, 5, 6);

        var merged = LoadMetrics.Empty.Merge(a);

        Assert.True(merged.Latency.HasSameBucketsAs(a.Latency));
        Assert.Equal((a.Successes, a.FailureCount, a.BytesSent, a.BytesReceived, a.ElapsedNs), (merged.Successes, merged.FailureCount, merged.BytesSent, merged.BytesReceived, merged.ElapsedNs));
    }

    private static LoadMetrics Metrics(long[] latencies, long successes, Dictionary<string, long> failures, long sent, long received, long elapsed, double rate)
    {
        var latency = new LatencyDistribution();
        foreach (long value in latencies)
        {
            latency.Record(value);
        }

        return new LoadMetrics(latency, successes, failures, sent, received, elapsed, [rate]);
    }
}
