using AkkaRpc.Bench.Metrics;
using AkkaRpc.Bench.Protocol;
using AkkaRpc.Bench.Scenarios;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Serialization;

/// <summary>
/// The byte layout of each worker protocol message: its fields in declaration order, integers 7-bit encoded, strings
/// length-prefixed UTF-8, doubles as 8 bytes. A latency histogram travels as its non-empty buckets plus the exact
/// moments, so the coordinator merges workers' histograms bucket by bucket, exactly as if one process had recorded them.
/// </summary>
internal static class BenchWireFormat
{
    // Smallest encodings of a repeated item, so a count can be checked against the bytes left before allocating.
    private const int MinBucketBytes = 2;
    private const int MinFailureBytes = 2;
    private const int RateBytes = 8;

    /// <summary>Writes <paramref name="message"/>'s fields.</summary>
    public static void Write(BinaryWriter w, RegisterWorker message) => w.Write(message.Name);

    /// <summary>Writes <paramref name="message"/>'s fields.</summary>
    public static void Write(BinaryWriter w, WorkerRegistered message) => w.Write7BitEncodedInt(message.Workers);

    /// <summary>Writes <paramref name="message"/>'s fields.</summary>
    public static void Write(BinaryWriter w, WorkerDismissed message) => w.Write(message.Reason);

    /// <summary>Writes <paramref name="message"/>'s fields.</summary>
    public static void Write(BinaryWriter w, RunShare message)
    {
        w.Write7BitEncodedInt(message.StepId);
        WriteEndpoint(w, message.System);
        WriteWorkload(w, message.Workload);
        w.Write7BitEncodedInt(message.Clients);
        w.Write7BitEncodedInt(message.FirstClient);
    }

    /// <summary>Writes <paramref name="message"/>'s fields.</summary>
    public static void Write(BinaryWriter w, ShareCompleted message)
    {
        w.Write7BitEncodedInt(message.StepId);
        WriteMetrics(w, message.Metrics);
        w.Write7BitEncodedInt(message.LostClients);
    }

    /// <summary>Reads a <see cref="RegisterWorker"/>.</summary>
    public static RegisterWorker ReadRegisterWorker(BenchWireReader r) => new(r.String("RegisterWorker.Name"));

    /// <summary>Reads a <see cref="WorkerRegistered"/>.</summary>
    public static WorkerRegistered ReadWorkerRegistered(BenchWireReader r) => new(r.NonNegative(r.Int32("WorkerRegistered.Workers"), "WorkerRegistered.Workers"));

    /// <summary>Reads a <see cref="WorkerDismissed"/>.</summary>
    public static WorkerDismissed ReadWorkerDismissed(BenchWireReader r) => new(r.String("WorkerDismissed.Reason"));

    /// <summary>Reads a <see cref="RunShare"/>.</summary>
    public static RunShare ReadRunShare(BenchWireReader r)
    {
        int step = r.Int32("RunShare.StepId");
        var endpoint = ReadEndpoint(r);
        var workload = ReadWorkload(r);
        int clients = r.NonNegative(r.Int32("RunShare.Clients"), "RunShare.Clients");
        return new RunShare(step, endpoint, workload, clients, r.NonNegative(r.Int32("RunShare.FirstClient"), "RunShare.FirstClient"));
    }

    /// <summary>Reads a <see cref="ShareCompleted"/>.</summary>
    public static ShareCompleted ReadShareCompleted(BenchWireReader r)
    {
        int step = r.Int32("ShareCompleted.StepId");
        var metrics = ReadMetrics(r);
        return new ShareCompleted(step, metrics, r.NonNegative(r.Int32("ShareCompleted.LostClients"), "ShareCompleted.LostClients"));
    }

    private static void WriteEndpoint(BinaryWriter w, SystemEndpoint e)
    {
        w.Write(e.Key);
        w.Write7BitEncodedInt((int)e.Kind);
        w.Write(e.Address);
        w.Write(e.Database);
        w.Write7BitEncodedInt(e.Databases);
    }

    private static SystemEndpoint ReadEndpoint(BenchWireReader r)
    {
        string key = r.String("SystemEndpoint.Key");
        var kind = r.Enum<SystemKind>("SystemEndpoint.Kind");
        string address = r.String("SystemEndpoint.Address");
        string database = r.String("SystemEndpoint.Database");
        int databases = r.Int32("SystemEndpoint.Databases");
        return databases >= 1
            ? new SystemEndpoint(key, kind, address, database, databases)
            : throw BenchWireReader.Malformed("SystemEndpoint.Databases", $"is {databases}, not at least 1");
    }

    private static void WriteWorkload(BinaryWriter w, Workload l)
    {
        w.Write7BitEncodedInt((int)l.Operation);
        w.Write7BitEncodedInt(l.Requests);
        w.Write7BitEncodedInt(l.Warmup);
        w.Write7BitEncodedInt(l.PayloadBytes);
        w.Write7BitEncodedInt64(l.FileBytes);
        w.Write7BitEncodedInt(l.ChunkBytes);
        w.Write7BitEncodedInt64(l.MaxDuration.Ticks);
        w.Write7BitEncodedInt(l.InFlight);
    }

    private static Workload ReadWorkload(BenchWireReader r)
    {
        var operation = r.Enum<OperationKind>("Workload.Operation");
        int requests = r.NonNegative(r.Int32("Workload.Requests"), "Workload.Requests");
        int warmup = r.NonNegative(r.Int32("Workload.Warmup"), "Workload.Warmup");
        int payload = r.NonNegative(r.Int32("Workload.PayloadBytes"), "Workload.PayloadBytes");
        long file = r.NonNegative(r.Int64("Workload.FileBytes"), "Workload.FileBytes");
        int chunk = r.NonNegative(r.Int32("Workload.ChunkBytes"), "Workload.ChunkBytes");
        var duration = TimeSpan.FromTicks(r.NonNegative(r.Int64("Workload.MaxDuration"), "Workload.MaxDuration"));
        int inFlight = r.Int32("Workload.InFlight");
        if ((file > 0 && chunk == 0) || inFlight < 1)
        {
            throw BenchWireReader.Malformed("Workload", $"with file {file} bytes, chunk {chunk} bytes and {inFlight} in flight is not a workload");
        }

        return new Workload(operation, requests, warmup, payload, file, chunk, duration, inFlight);
    }

    private static void WriteMetrics(BinaryWriter w, LoadMetrics m)
    {
        var latency = m.Latency;
        var buckets = latency.Buckets().ToList();
        w.Write7BitEncodedInt(buckets.Count);
        foreach (var (value, count) in buckets)
        {
            w.Write7BitEncodedInt64(value);
            w.Write7BitEncodedInt64(count);
        }

        w.Write7BitEncodedInt64(latency.Min);
        w.Write7BitEncodedInt64(latency.Max);
        w.Write(latency.Mean);
        w.Write(latency.SumOfSquaredDeviations);
        w.Write7BitEncodedInt64(m.Successes);
        w.Write7BitEncodedInt(m.Failures.Count);
        foreach (var (kind, count) in m.Failures)
        {
            w.Write(kind);
            w.Write7BitEncodedInt64(count);
        }

        w.Write7BitEncodedInt64(m.BytesSent);
        w.Write7BitEncodedInt64(m.BytesReceived);
        w.Write7BitEncodedInt64(m.ElapsedNs);
        w.Write7BitEncodedInt(m.ClientRates.Count);
        foreach (double rate in m.ClientRates)
        {
            w.Write(rate);
        }
    }

    private static LoadMetrics ReadMetrics(BenchWireReader r)
    {
        var buckets = new (long, long)[r.Count("LoadMetrics.Latency.Buckets", MinBucketBytes)];
        for (int i = 0; i < buckets.Length; i++)
        {
            long value = r.Int64("LoadMetrics.Latency.Bucket.Value");
            buckets[i] = (value, r.Int64("LoadMetrics.Latency.Bucket.Count"));
        }

        long min = r.Int64("LoadMetrics.Latency.Min");
        long max = r.Int64("LoadMetrics.Latency.Max");
        double mean = r.Double("LoadMetrics.Latency.Mean");
        double m2 = r.Double("LoadMetrics.Latency.M2");
        LatencyDistribution latency;
        try
        {
            latency = LatencyDistribution.FromParts(min, max, mean, m2, buckets);
        }
        catch (ArgumentException e)
        {
            throw BenchWireReader.Malformed("LoadMetrics.Latency", "is not a latency histogram: " + e.Message);
        }

        long successes = r.NonNegative(r.Int64("LoadMetrics.Successes"), "LoadMetrics.Successes");
        int failureCount = r.Count("LoadMetrics.Failures", MinFailureBytes);
        var failures = new Dictionary<string, long>(failureCount);
        for (int i = 0; i < failureCount; i++)
        {
            string kind = r.String("LoadMetrics.Failures.Kind");
            failures[kind] = failures.GetValueOrDefault(kind) + r.NonNegative(r.Int64("LoadMetrics.Failures.Count"), "LoadMetrics.Failures.Count");
        }

        long sent = r.NonNegative(r.Int64("LoadMetrics.BytesSent"), "LoadMetrics.BytesSent");
        long received = r.NonNegative(r.Int64("LoadMetrics.BytesReceived"), "LoadMetrics.BytesReceived");
        long elapsed = r.NonNegative(r.Int64("LoadMetrics.ElapsedNs"), "LoadMetrics.ElapsedNs");
        var rates = new double[r.Count("LoadMetrics.ClientRates", RateBytes)];
        for (int i = 0; i < rates.Length; i++)
        {
            rates[i] = r.Double("LoadMetrics.ClientRates");
        }

        return new LoadMetrics(latency, successes, failures, sent, received, elapsed, rates);
    }
}
