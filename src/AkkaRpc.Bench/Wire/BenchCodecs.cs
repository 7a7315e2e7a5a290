using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Bench.Wire;

/// <summary>The codecs of the worker protocol, under the ids of <see cref="BenchWireIds"/>.</summary>
internal static class BenchCodecs
{
    // Smallest encodings of a repeated item, so a hostile count cannot make the reader allocate more than the input allows.
    private const int MinBucketBytes = 2;
    private const int MinFailureBytes = 2;
    private const int RateBytes = 8;

    /// <summary>A registry with the kernel's codecs and the worker protocol's: what a coordinator or worker needs.</summary>
    public static CodecRegistry CreateRegistry()
    {
        var registry = CodecRegistry.CreateDefault();
        Register(registry);
        return registry;
    }

    /// <summary>Registers the worker protocol's codecs in <paramref name="registry"/>, which must not be frozen yet.</summary>
    public static void Register(CodecRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(BenchWireIds.RegisterWorker, new DelegateCodec<RegisterWorker>(
            static (ref w, m) => w.WriteString(m.Name),
            static (ref r) => new RegisterWorker(RequiredString(ref r, "RegisterWorker.Name"))));
        registry.Register(BenchWireIds.WorkerRegistered, new DelegateCodec<WorkerRegistered>(
            static (ref w, m) => w.WriteVarInt32(m.Workers),
            static (ref r) => new WorkerRegistered(r.ReadVarInt32())));
        registry.Register(BenchWireIds.RunShare, new DelegateCodec<RunShare>(
            static (ref w, m) =>
            {
                w.WriteVarInt32(m.StepId);
                WriteEndpoint(ref w, m.System);
                WriteWorkload(ref w, m.Workload);
                w.WriteVarInt32(m.Clients);
                w.WriteVarInt32(m.FirstClient);
            },
            static (ref r) =>
            {
                int step = r.ReadVarInt32();
                var endpoint = ReadEndpoint(ref r);
                var workload = ReadWorkload(ref r);
                int clients = NonNegative(r.ReadVarInt32(), "RunShare.Clients");
                return new RunShare(step, endpoint, workload, clients, NonNegative(r.ReadVarInt32(), "RunShare.FirstClient"));
            }));
        registry.Register(BenchWireIds.ShareCompleted, new DelegateCodec<ShareCompleted>(
            static (ref w, m) =>
            {
                w.WriteVarInt32(m.StepId);
                WriteMetrics(ref w, m.Metrics);
                w.WriteVarInt32(m.LostClients);
            },
            static (ref r) =>
            {
                int step = r.ReadVarInt32();
                var metrics = ReadMetrics(ref r);
                return new ShareCompleted(step, metrics, NonNegative(r.ReadVarInt32(), "ShareCompleted.LostClients"));
            }));
        registry.Register(BenchWireIds.WorkerDismissed, new DelegateCodec<WorkerDismissed>(
            static (ref w, m) => w.WriteString(m.Reason),
            static (ref r) => new WorkerDismissed(RequiredString(ref r, "WorkerDismissed.Reason"))));
    }

    private static void WriteEndpoint(ref WireWriter w, SystemEndpoint e)
    {
        w.WriteString(e.Key);
        w.WriteVarInt32((int)e.Kind);
        w.WriteString(e.Address);
        w.WriteString(e.Database);
    }

    private static SystemEndpoint ReadEndpoint(ref WireReader r)
    {
        string key = RequiredString(ref r, "SystemEndpoint.Key");
        var kind = (SystemKind)r.ReadVarInt32();
        if (!Enum.IsDefined(kind))
        {
            throw new WireFormatException($"SystemEndpoint.Kind {(int)kind} is not a system kind.");
        }

        string address = RequiredString(ref r, "SystemEndpoint.Address");
        return new SystemEndpoint(key, kind, address, RequiredString(ref r, "SystemEndpoint.Database"));
    }

    private static void WriteWorkload(ref WireWriter w, Workload l)
    {
        w.WriteVarInt32((int)l.Operation);
        w.WriteVarInt32(l.Requests);
        w.WriteVarInt32(l.Warmup);
        w.WriteVarInt32(l.PayloadBytes);
        w.WriteVarInt64(l.FileBytes);
        w.WriteVarInt32(l.ChunkBytes);
        w.WriteTimeSpan(l.MaxDuration);
    }

    private static Workload ReadWorkload(ref WireReader r)
    {
        var operation = (OperationKind)r.ReadVarInt32();
        if (!Enum.IsDefined(operation))
        {
            throw new WireFormatException($"Workload.Operation {(int)operation} is not an operation.");
        }

        int requests = NonNegative(r.ReadVarInt32(), "Workload.Requests");
        int warmup = NonNegative(r.ReadVarInt32(), "Workload.Warmup");
        int payload = NonNegative(r.ReadVarInt32(), "Workload.PayloadBytes");
        long file = r.ReadVarInt64();
        int chunk = NonNegative(r.ReadVarInt32(), "Workload.ChunkBytes");
        var duration = r.ReadTimeSpan();
        if (file < 0 || duration < TimeSpan.Zero || (file > 0 && chunk == 0))
        {
            throw new WireFormatException($"Workload with file {file} bytes, chunk {chunk} bytes and cap {duration} is not a workload.");
        }

        return new Workload(operation, requests, warmup, payload, file, chunk, duration);
    }

    private static void WriteMetrics(ref WireWriter w, LoadMetrics m)
    {
        var histogram = m.Latency;
        var buckets = histogram.NonEmptyBuckets().ToList();
        w.WriteCount(buckets.Count);
        foreach (var (index, count) in buckets)
        {
            w.WriteVarInt32(index);
            w.WriteVarInt64(count);
        }

        w.WriteVarInt64(histogram.Min);
        w.WriteVarInt64(histogram.Max);
        w.WriteDouble(histogram.Mean);
        w.WriteDouble(histogram.SumOfSquaredDeviations);
        w.WriteVarInt64(m.Successes);
        w.WriteCount(m.Failures.Count);
        foreach (var (kind, count) in m.Failures)
        {
            w.WriteString(kind);
            w.WriteVarInt64(count);
        }

        w.WriteVarInt64(m.BytesSent);
        w.WriteVarInt64(m.BytesReceived);
        w.WriteVarInt64(m.ElapsedNs);
        w.WriteCount(m.ClientRates.Count);
        foreach (double rate in m.ClientRates)
        {
            w.WriteDouble(rate);
        }
    }

    private static LoadMetrics ReadMetrics(ref WireReader r)
    {
        var buckets = new (int, long)[r.ReadCount(MinBucketBytes)];
        for (int i = 0; i < buckets.Length; i++)
        {
            int index = r.ReadVarInt32();
            buckets[i] = (index, r.ReadVarInt64());
        }

        long min = r.ReadVarInt64();
        long max = r.ReadVarInt64();
        double mean = r.ReadDouble();
        double m2 = r.ReadDouble();
        LatencyHistogram histogram;
        try
        {
            histogram = LatencyHistogram.FromParts(min, max, mean, m2, buckets);
        }
        catch (ArgumentException e)
        {
            throw new WireFormatException("The latency histogram is malformed: " + e.Message);
        }

        long successes = NonNegative(r.ReadVarInt64(), "LoadMetrics.Successes");
        int failureCount = r.ReadCount(MinFailureBytes);
        var failures = new Dictionary<string, long>(failureCount);
        for (int i = 0; i < failureCount; i++)
        {
            string kind = RequiredString(ref r, "LoadMetrics.Failures.Kind");
            failures[kind] = failures.GetValueOrDefault(kind) + NonNegative(r.ReadVarInt64(), "LoadMetrics.Failures.Count");
        }

        long sent = NonNegative(r.ReadVarInt64(), "LoadMetrics.BytesSent");
        long received = NonNegative(r.ReadVarInt64(), "LoadMetrics.BytesReceived");
        long elapsed = NonNegative(r.ReadVarInt64(), "LoadMetrics.ElapsedNs");
        var rates = new double[r.ReadCount(RateBytes)];
        for (int i = 0; i < rates.Length; i++)
        {
            rates[i] = r.ReadDouble();
        }

        return new LoadMetrics(histogram, successes, failures, sent, received, elapsed, rates);
    }

    private static string RequiredString(ref WireReader r, string field) =>
        r.ReadString() ?? throw new WireFormatException($"{field} is null.");

    private static T NonNegative<T>(T value, string field)
        where T : System.Numerics.INumber<T> =>
        T.IsNegative(value) ? throw new WireFormatException($"{field} is negative ({value}).") : value;
}
