namespace AkkaRpc.Bench.Running;

/// <summary>The sizes of a run, named after rpycbench's flags; read from <c>akkarpc.bench</c> in <c>hocon/bench.conf</c>, overridden by flags.</summary>
/// <param name="NumSerialConnections">Connections opened one at a time in the connection scenario.</param>
/// <param name="NumRequests">Requests of each latency measurement.</param>
/// <param name="ParallelClients">
/// The client counts the concurrency scenario measures, one step each, so the report draws throughput against clients
/// as a curve of measured points; the largest is rpycbench's <c>num_parallel_clients</c>.
/// </param>
/// <param name="RequestsPerClient">Requests of each concurrent client.</param>
/// <param name="Warmup">Untimed requests before each measurement.</param>
/// <param name="BandwidthSizes">Blob sizes of the bandwidth scenario.</param>
/// <param name="BandwidthIterations">Transfers of each blob size each way.</param>
/// <param name="TestBinaryTransfer">Whether to run the binary file transfer scenario.</param>
/// <param name="BinaryFileSizes">File sizes of the binary transfer scenario.</param>
/// <param name="BinaryChunkSize">Chunk size of binary transfers.</param>
/// <param name="BinaryIterations">Transfers of each file each way.</param>
/// <param name="MaxStepDuration">Time cap of one measurement's timed requests.</param>
/// <param name="Rounds">Times the whole plan runs, the systems interleaved; each figure is that of its median round.</param>
/// <param name="PipelinedRequests">Requests of the pipelined measurement of <c>bench remote</c>.</param>
/// <param name="PipelinedInFlight">Requests the pipelined measurement keeps outstanding on its one connection.</param>
/// <param name="ClusterMembers">The cluster sizes <c>bench cluster</c> measures, each a cluster of its own in the same run.</param>
/// <param name="ClusterDatabases">The databases <c>bench cluster</c>'s clients spread over.</param>
/// <param name="ClusterClients">The clients at once of <c>bench cluster</c>'s throughput measurement.</param>
/// <param name="FailoverKills">How many times <c>bench cluster</c> kills the member owning a database to time the failover; 0 for none.</param>
internal sealed record BenchSettings(
    int NumSerialConnections,
    int NumRequests,
    IReadOnlyList<int> ParallelClients,
    int RequestsPerClient,
    int Warmup,
    IReadOnlyList<int> BandwidthSizes,
    int BandwidthIterations,
    bool TestBinaryTransfer,
    IReadOnlyList<long> BinaryFileSizes,
    int BinaryChunkSize,
    int BinaryIterations,
    TimeSpan MaxStepDuration,
    int Rounds = 1,
    int PipelinedRequests = 20_000,
    int PipelinedInFlight = 64,
    IReadOnlyList<int>? ClusterMembers = null,
    int ClusterDatabases = 32,
    int ClusterClients = 128,
    int FailoverKills = 3)
{
    /// <summary>Gets the cluster sizes <c>bench cluster</c> measures: 1, 2 and 3 members unless set.</summary>
    public IReadOnlyList<int> ClusterMembers { get; init; } = ClusterMembers ?? [1, 2, 3];

    /// <summary>Gets the largest client count of the concurrency scenario: the one rpycbench's JSON reports.</summary>
    public int NumParallelClients => ParallelClients.Count == 0 ? 0 : ParallelClients.Max();

    /// <summary>rpycbench's defaults, with the concurrency curve up to 128 parallel clients as the issue asks.</summary>
    public static BenchSettings Default { get; } = new(
        NumSerialConnections: 100,
        NumRequests: 1000,
        ParallelClients: [1, 8, 32, 128],
        RequestsPerClient: 100,
        Warmup: 50,
        BandwidthSizes: [1024, 4096, 16384, 65536, 262144, 1048576],
        BandwidthIterations: 20,
        TestBinaryTransfer: false,
        BinaryFileSizes: [1_572_864, 134_217_728, 536_870_912],
        BinaryChunkSize: 65536,
        BinaryIterations: 3,
        MaxStepDuration: TimeSpan.FromMinutes(2));

    /// <summary>A run that shows the shape of every figure in under a minute on a small machine; not for figures you quote.</summary>
    public static BenchSettings Quick { get; } = Default with
    {
        NumSerialConnections = 10,
        NumRequests = 200,
        ParallelClients = [1, 4, 16],
        RequestsPerClient = 20,
        Warmup = 10,
        BandwidthIterations = 3,
        BinaryFileSizes = [1_572_864],
        BinaryIterations = 1,
        MaxStepDuration = TimeSpan.FromSeconds(5),
        PipelinedRequests = 2_000,
        ClusterMembers = [1, 3],
        ClusterDatabases = 8,
        ClusterClients = 32,
        FailoverKills = 1,
    };

    /// <summary>
    /// The defaults of <paramref name="suite"/>: the suite's are rpycbench's (one round); <c>bench owner</c> and
    /// <c>bench remote</c> measure single layers whose figures move with the machine's noise, so they take the median of
    /// five rounds (three with <c>--quick</c>).
    /// </summary>
    public static BenchSettings For(BenchSuiteKind suite, bool quick)
    {
        var settings = quick ? Quick : Default;
        return suite switch
        {
            BenchSuiteKind.Full => settings,
            // Each round of the cluster suite is every cluster under 128 clients: three rounds give a median.
            BenchSuiteKind.Cluster => settings with { Rounds = quick ? 1 : 3 },
            _ => settings with { Rounds = quick ? 3 : 5 },
        };
    }
}
