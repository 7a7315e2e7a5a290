using System.Runtime.Serialization;
using System.Text;
using Akka.Serialization;
using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Bench.Serialization;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Tests.Fakes;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Serialization;

/// <summary>The worker protocol on the wire: bound in HOCON to serializer 7303, short fixed manifests, strict reading.</summary>
public sealed class BenchMessageSerializerTests() : AkkaRpcTestKit(BenchActorSystems.Defaults)
{
    public static TheoryData<object> WireMessages() => new(Samples());

    [Theory]
    [MemberData(nameof(WireMessages))]
    public void EveryWireMessage_IsWrittenByTheBenchSerializer_NeverByNewtonsoft(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);

        Assert.IsType<BenchMessageSerializer>(serializer);
        Assert.IsNotType<NewtonSoftJsonSerializer>(serializer);
        Assert.Equal(BenchMessageSerializer.Id, serializer.Identifier);
        Assert.Same(serializer, Sys.Serialization.FindSerializerForType(message.GetType()));
    }

    [Fact]
    public void TheBindings_CoverEveryMessageThatCrossesTheWire()
    {
        Assert.Equal(
            Samples().Select(m => m.GetType()).OrderBy(t => t.Name),
            BenchSerialization.WireMessages.OrderBy(t => t.Name));
        Assert.Equal(7303, BenchMessageSerializer.Id);
    }

    [Theory]
    [MemberData(nameof(WireMessages))]
    public void EveryWireMessage_RoundTripsThroughAkkasSerialization_UnderAShortFixedManifest(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        string manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        byte[] bytes = serializer.ToBinary(message);

        object back = Sys.Serialization.Deserialize(bytes, serializer.Identifier, manifest);

        Assert.InRange(manifest.Length, 1, 3);
        Assert.DoesNotContain("AkkaRpc.Bench", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(Describe(message), Describe(back));
    }

    [Fact]
    public void ShareCompleted_KeepsTheHistogramBucketsAndExactMomentsOfEveryClient()
    {
        var message = (ShareCompleted)Samples().Single(m => m is ShareCompleted);

        var back = (ShareCompleted)RoundTrip(message);

        Assert.True(back.Metrics.Latency.HasSameBucketsAs(message.Metrics.Latency));
        Assert.Equal(message.Metrics.Latency.Summarize(), back.Metrics.Latency.Summarize());
        Assert.Equal(message.Metrics.Latency.SumOfSquaredDeviations, back.Metrics.Latency.SumOfSquaredDeviations);
        Assert.Equal(2, back.Metrics.Failures["TimeoutException"]);
        Assert.Equal([10.5, 20.25], back.Metrics.ClientRates);
    }

    [Fact]
    public void AnUnknownManifest_IsRefusedNamingIt_AndTheNextMessageStillReads()
    {
        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize([1, 2, 3], BenchMessageSerializer.Id, "AkkaRpc.Bench.Protocol.RunShare"));

        Assert.Contains("AkkaRpc.Bench.Protocol.RunShare", error.Message, StringComparison.Ordinal);
        AssertStillReads();
    }

    [Theory]
    [MemberData(nameof(WireMessages))]
    public void ATruncatedMessage_IsRefused_AndTheNextMessageStillReads(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        byte[] bytes = serializer.ToBinary(message);
        string manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);

        Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize(bytes[..^1], serializer.Identifier, manifest));
        Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize([.. bytes, 0], serializer.Identifier, manifest));
        AssertStillReads();
    }

    [Fact]
    public void AHostileBucketCount_IsRefusedBeforeAnythingIsAllocated()
    {
        byte[] bytes = Bytes(w =>
        {
            w.Write7BitEncodedInt(1); // step
            w.Write7BitEncodedInt(int.MaxValue); // buckets claimed, with none behind them
        });

        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize(bytes, BenchMessageSerializer.Id, BenchManifests.ShareCompleted));

        Assert.Contains("LoadMetrics.Latency.Buckets", error.Message, StringComparison.Ordinal);
        AssertStillReads();
    }

    [Fact]
    public void ASystemKindOrOperationThatDoesNotExist_IsRefusedNamingTheField()
    {
        var share = (RunShare)Samples().Single(m => m is RunShare);
        var badKind = share with { System = share.System with { Kind = (SystemKind)99 } };
        var badOperation = share with { Workload = share.Workload with { Operation = (Bench.Scenarios.OperationKind)42 } };

        Assert.Contains("SystemEndpoint.Kind", Refused(badKind), StringComparison.Ordinal);
        Assert.Contains("Workload.Operation", Refused(badOperation), StringComparison.Ordinal);
        Assert.Contains("RunShare.Clients", Refused(share with { Clients = -1 }), StringComparison.Ordinal);
        Assert.Contains("Workload", Refused(share with { Workload = share.Workload with { InFlight = 0 } }), StringComparison.Ordinal);
        Assert.Contains("SystemEndpoint.Databases", Refused(share with { System = share.System with { Databases = 0 } }), StringComparison.Ordinal);
        AssertStillReads();
    }

    [Fact]
    public void AHistogramWhoseMomentsContradictItsBuckets_IsRefused()
    {
        byte[] bytes = Bytes(w =>
        {
            w.Write7BitEncodedInt(1);
            w.Write7BitEncodedInt(1); // one bucket
            w.Write7BitEncodedInt64(1_000);
            w.Write7BitEncodedInt64(3);
            w.Write7BitEncodedInt64(2_000); // min above max
            w.Write7BitEncodedInt64(1_000);
            w.Write(1_500.0);
            w.Write(0.0);
        });

        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize(bytes, BenchMessageSerializer.Id, BenchManifests.ShareCompleted));

        Assert.Contains("not a latency histogram", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8InAName_IsRefused()
    {
        byte[] bytes = [2, 0xC3, 0x28];

        Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize(bytes, BenchMessageSerializer.Id, BenchManifests.RegisterWorker));
    }

    [Fact]
    public void AMessageOfAnotherProtocol_IsNotWrittenByIt()
    {
        var serializer = (BenchMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(RunShare));

        Assert.Throws<ArgumentException>(() => serializer.ToBinary("not a bench message"));
        Assert.Throws<ArgumentException>(() => serializer.Manifest(new RunPlan([])));
    }

    internal static IReadOnlyList<object> Samples()
    {
        var latency = new LatencyDistribution();
        foreach (long value in new long[] { 5, 900, 12_345, 12_400, 7_000_000 })
        {
            latency.Record(value);
        }

        var metrics = new LoadMetrics(latency, 5, new Dictionary<string, long> { ["TimeoutException"] = 2 }, 100, 200, 1_000_000, [10.5, 20.25]);
        var endpoint = new SystemEndpoint("cluster_2", SystemKind.AkkaRpcCluster, "akka.rpc.tcp://AkkaRpc@127.0.0.1:4053 akka.rpc.tcp://AkkaRpc@127.0.0.1:4054", "shard", 32);
        return
        [
            new RegisterWorker("host-7:1234 ünïcode"),
            new WorkerRegistered(3),
            new RunShare(9, endpoint, FakeSystem.Queries(42, warmup: 5) with { FileBytes = 1 << 20, ChunkBytes = 65536, InFlight = 64 }, 16, 32),
            new ShareCompleted(3, metrics, 1),
            new WorkerDismissed("the run is complete"),
        ];
    }

    private object RoundTrip(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        return Sys.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
    }

    private string Refused(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        byte[] bytes = serializer.ToBinary(message);
        return Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message))).Message;
    }

    private void AssertStillReads() => Assert.Equal(new WorkerRegistered(4), RoundTrip(new WorkerRegistered(4)));

    private static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    // Records holding collections compare by reference; their fields are compared instead.
    private static string Describe(object message) => message switch
    {
        ShareCompleted s => $"{s.StepId}/{s.LostClients}/{s.Metrics.Successes}/{s.Metrics.BytesSent}/{s.Metrics.BytesReceived}/{s.Metrics.ElapsedNs}/" +
                            $"{string.Join(',', s.Metrics.Failures.Select(f => f.Key + "=" + f.Value))}/{string.Join(',', s.Metrics.ClientRates)}/{s.Metrics.Latency.Summarize()}",
        _ => message.ToString()!,
    };
}
