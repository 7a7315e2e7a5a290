using System.Buffers;
using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Wire;
using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Bench.Tests.Engine;

public sealed class BenchCodecsTests
{
    [Fact]
    public void ShareCompleted_RoundTrips_WithTheSameHistogramBucketsAndCounts()
    {
        var histogram = new LatencyHistogram();
        foreach (long value in new long[] { 5, 900, 12_345, 12_400, 7_000_000 })
        {
            histogram.Record(value);
        }

        var message = new ShareCompleted(3, new LoadMetrics(histogram, 5, new Dictionary<string, long> { ["TimeoutException"] = 2 }, 100, 200, 1_000_000, [10.5, 20.25]), 1);

        var copy = (ShareCompleted)RoundTrip(message);

        Assert.Equal(3, copy.StepId);
        Assert.Equal(1, copy.LostClients);
        Assert.True(copy.Metrics.Latency.HasSameBucketsAs(histogram));
        Assert.Equal(histogram.Mean, copy.Metrics.Latency.Mean);
        Assert.Equal(histogram.StdDev, copy.Metrics.Latency.StdDev);
        Assert.Equal(2, copy.Metrics.Failures["TimeoutException"]);
        Assert.Equal([10.5, 20.25], copy.Metrics.ClientRates);
        Assert.Equal((100L, 200L, 1_000_000L), (copy.Metrics.BytesSent, copy.Metrics.BytesReceived, copy.Metrics.ElapsedNs));
    }

    [Fact]
    public void RunShare_RoundTrips()
    {
        var message = new RunShare(9, FakeSystem.Endpoint("akkarpc_tcp"), FakeSystem.Queries(42) with { FileBytes = 1 << 20, ChunkBytes = 65536 }, 16, 32);

        Assert.Equal(message, RoundTrip(message));
    }

    [Fact]
    public void RegistryIds_AreInTheBenchmarkRange()
    {
        var registry = BenchCodecs.CreateRegistry();
        foreach (var type in new[] { typeof(RegisterWorker), typeof(WorkerRegistered), typeof(RunShare), typeof(ShareCompleted), typeof(WorkerDismissed) })
        {
            Assert.True(registry.TryGetCodec(type, out int id, out _));
            Assert.InRange(id, WireIds.BenchmarkFirst, WireIds.BenchmarkLast);
        }
    }

    private static object RoundTrip(object message)
    {
        var registry = BenchCodecs.CreateRegistry();
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(buffer, registry: registry);
        writer.WriteMessage(message);
        var reader = new WireReader(new ReadOnlySequence<byte>(buffer.WrittenMemory), registry: registry);
        return reader.ReadMessage()!;
    }
}
