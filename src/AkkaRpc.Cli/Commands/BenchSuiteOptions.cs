using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Cli.Commands;

/// <summary>
/// The options of <c>akkarpc bench</c> and its suites <c>owner</c> and <c>remote</c>, named after rpycbench's flags: one
/// set for one harness, each suite taking the options that mean something for it.
/// </summary>
internal sealed class BenchSuiteOptions
{
    private const int MostRounds = 1000;
    private static readonly TimeSpan s_shortestStep = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan s_longestStep = TimeSpan.FromHours(1);

    /// <summary>Initializes the options of <paramref name="suite"/>.</summary>
    public BenchSuiteOptions(BenchSuiteKind suite)
    {
        Suite = suite;
        var quick = BenchSettings.For(suite, quick: true);
        var normal = BenchSettings.For(suite, quick: false);
        NumRequests = new("--num-requests") { Description = $"Requests of each latency measurement (point query, insert) [default: {normal.NumRequests}, {quick.NumRequests} with --quick]." };
        Rounds = new("--rounds", "-r")
        {
            Description = $"Times the whole plan runs, systems interleaved; each figure is its median round's [default: {normal.Rounds}, {quick.Rounds} with --quick].",
            HelpName = "count",
            CustomParser = ParseRounds,
        };
        Duration = new("--duration", "-d")
        {
            Description = $"Time cap of one measurement, e.g. 500ms, 2s, 1m; it also stops at its request count [default: {normal.MaxStepDuration.TotalSeconds:0}s, {quick.MaxStepDuration.TotalSeconds:0}s with --quick].",
            HelpName = "time",
            CustomParser = ParseDuration,
        };
        Quick = new("--quick") { Description = "Small sizes: the whole run in under a minute on a small machine. Not for figures you quote." };
        PipelinedRequests = new("--pipelined-requests") { Description = $"Requests of the pipelined measurement [default: {normal.PipelinedRequests}, {quick.PipelinedRequests} with --quick]." };
        InFlight = new("--in-flight") { Description = $"Requests the pipelined measurement keeps outstanding on its one connection [default: {normal.PipelinedInFlight}]." };
    }

    /// <summary>Gets the suite these options run.</summary>
    public BenchSuiteKind Suite { get; }

    public Option<int?> NumSerialConnections { get; } = new("--num-serial-connections") { Description = "Connections opened one at a time to measure connection time [default: 100, 10 with --quick]." };

    public Option<int?> NumRequests { get; }

    public Option<int[]> NumParallelClients { get; } = new("--num-parallel-clients") { Description = "Client counts of the concurrency scenario, one measurement each, each client with its own connection, e.g. 1 8 32 128 [default: 1 8 32 128; 1 4 16 with --quick].", AllowMultipleArgumentsPerToken = true };

    public Option<int?> RequestsPerClient { get; } = new("--requests-per-client") { Description = "Requests of each parallel client [default: 100, 20 with --quick]." };

    public Option<int?> PipelinedRequests { get; }

    public Option<int[]> Members { get; } = new("--members") { Description = "Cluster sizes to measure, each a cluster of its own, from 1 to 3 members [default: 1 2 3; 1 3 with --quick].", AllowMultipleArgumentsPerToken = true };

    public Option<int?> Databases { get; } = new("--databases") { Description = "Databases the clients spread over [default: 32, 8 with --quick]." };

    public Option<int?> Clients { get; } = new("--clients") { Description = "Clients at once, spread over the members and databases [default: 128, 32 with --quick]." };

    public Option<int?> Kills { get; } = new("--kills") { Description = "Times the member owning a database is killed to time the failover; 0 for none [default: 3, 1 with --quick]." };

    public Option<int?> InFlight { get; }

    public Option<bool> TestBinaryTransfer { get; } = new("--test-binary-transfer") { Description = "Also run the binary file transfer scenario (chunked, memory bounded)." };

    public Option<long[]> BinaryFileSizes { get; } = new("--binary-file-sizes") { Description = "File sizes in bytes [default: 1572864 134217728 536870912; 1572864 with --quick].", AllowMultipleArgumentsPerToken = true };

    public Option<int?> BinaryChunkSize { get; } = new("--binary-chunk-size") { Description = "Chunk size of binary transfers in bytes [default: 65536]." };

    public Option<int?> BinaryIterations { get; } = new("--binary-iterations") { Description = "Transfers of each file each way [default: 3, 1 with --quick]." };

    public Option<int> Rounds { get; }

    public Option<TimeSpan> Duration { get; }

    public Option<FileInfo> Output { get; } = new("--output", "-o") { Description = "Write the results as JSON (rpycbench's shape: keyed by system, plus ratios and metadata)." };

    public Option<FileInfo> Html { get; } = new("--html") { Description = "Write the HTML report with charts here [default: next to --output, same name with .html]." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress and no summary table." };

    public Option<bool> Quick { get; }

    public Option<string> Transport { get; } = new("--transport") { Description = "Transports of AkkaRpc and the raw floor: tcp, unix or all [default: all].", DefaultValueFactory = _ => "all" };

    public Option<bool> SkipAkkaRpc { get; } = new("--skip-akkarpc") { Description = "Skip AkkaRpc (both transports)." };

    public Option<bool> SkipAkkaDotNetty { get; } = new("--skip-akka-dotnetty") { Description = "Skip akka_dotnetty: the same node over Akka.Remote's stock DotNetty TCP transport." };

    public Option<bool> SkipHttp { get; } = new("--skip-http") { Description = "Skip the HTTP/REST baseline." };

    public Option<bool> SkipRaw { get; } = new("--skip-raw") { Description = "Skip the raw socket floor." };

    public Option<bool> SkipInProcess { get; } = new("--skip-inprocess") { Description = "Skip the in-process SQLite floor." };

    public Option<string> Node { get; } = new("--node") { Description = "Measure this running node (akka.rpc.tcp://AkkaRpc@host:port or akka.rpc.unix://AkkaRpc@/path, as akkarpc serve prints it) instead of starting one." };

    public Option<int> Workers { get; } = new("--workers") { Description = "Wait for this many 'akkarpc bench-worker' processes and let them generate the load [default: 0, load from this process]." };

    public Option<string> Listen { get; } = new("--listen") { Description = "host:port the coordinator listens at for workers, over Akka.Remote on AkkaRpc's transport, e.g. 0.0.0.0:4100 with --public-hostname [default: 127.0.0.1:0]. Beyond loopback it needs akkarpc.remote.allow-non-loopback = on. It prints the address workers give as --coordinator." };

    public Option<string> PublicHostname { get; } = new("--public-hostname") { Description = "The host name workers reach this coordinator and the servers it starts by, which their addresses carry (Akka.Remote drops messages sent to any other name of them), e.g. 'coordinator' in docker compose [default: --listen's address, or this machine's name for 0.0.0.0]." };

    public Option<int> WorkerTimeout { get; } = new("--worker-timeout") { Description = "Seconds to wait for the workers to register [default: 120].", DefaultValueFactory = _ => 120 };

    public Option<FileInfo> Config { get; } = new("--config") { Description = "The HOCON file (default: hocon/bench.conf next to the executable); its akkarpc.bench section sets the sizes." };

    /// <summary>Adds the options of <see cref="Suite"/> to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Option[] common = [NumRequests, Rounds, Duration, Output, Html, Quiet, Quick, Config];
        Option[] specific = Suite switch
        {
            BenchSuiteKind.Owner => [],
            BenchSuiteKind.Remote => [PipelinedRequests, InFlight, Transport, SkipAkkaRpc, SkipAkkaDotNetty, SkipRaw, Node],
            BenchSuiteKind.Services => [NumSerialConnections, NumParallelClients, RequestsPerClient, Transport, SkipHttp],
            BenchSuiteKind.Cluster => [Members, Databases, Clients, Kills, RequestsPerClient],
            _ =>
            [
                NumSerialConnections, NumParallelClients, RequestsPerClient, TestBinaryTransfer, BinaryFileSizes, BinaryChunkSize, BinaryIterations,
                Transport, SkipAkkaRpc, SkipAkkaDotNetty, SkipHttp, SkipRaw, SkipInProcess, Node, Workers, Listen, PublicHostname, WorkerTimeout,
            ],
        };
        foreach (var option in common.Concat(specific))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Returns the run the command line asks for: bench.conf's sizes (or --quick's), with explicit flags winning.</summary>
    public BenchRunOptions Resolve(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        string configPath = parseResult.GetValue(Config)?.FullName ?? BenchConfiguration.DefaultPath;
        bool quick = parseResult.GetValue(Quick);
        var s = BenchSettingsReader.Read(BenchConfiguration.Load(configPath).Settings, Suite, quick);
        s = s with
        {
            NumSerialConnections = Positive(parseResult.GetValue(NumSerialConnections), "--num-serial-connections") ?? s.NumSerialConnections,
            NumRequests = Positive(parseResult.GetValue(NumRequests), "--num-requests") ?? s.NumRequests,
            ParallelClients = parseResult.GetValue(NumParallelClients) is { Length: > 0 } counts ? [.. counts.Select(c => Positive(c, "--num-parallel-clients")!.Value)] : s.ParallelClients,
            RequestsPerClient = Positive(parseResult.GetValue(RequestsPerClient), "--requests-per-client") ?? s.RequestsPerClient,
            PipelinedRequests = Positive(parseResult.GetValue(PipelinedRequests), "--pipelined-requests") ?? s.PipelinedRequests,
            PipelinedInFlight = Positive(parseResult.GetValue(InFlight), "--in-flight") ?? s.PipelinedInFlight,
            TestBinaryTransfer = s.TestBinaryTransfer || parseResult.GetValue(TestBinaryTransfer),
            BinaryFileSizes = parseResult.GetValue(BinaryFileSizes) is { Length: > 0 } sizes ? sizes : s.BinaryFileSizes,
            BinaryChunkSize = Positive(parseResult.GetValue(BinaryChunkSize), "--binary-chunk-size") ?? s.BinaryChunkSize,
            BinaryIterations = Positive(parseResult.GetValue(BinaryIterations), "--binary-iterations") ?? s.BinaryIterations,
            Rounds = parseResult.GetResult(Rounds) is { Implicit: false } ? parseResult.GetValue(Rounds) : s.Rounds,
            MaxStepDuration = parseResult.GetResult(Duration) is { Implicit: false } ? parseResult.GetValue(Duration) : s.MaxStepDuration,
            ClusterMembers = parseResult.GetValue(Members) is { Length: > 0 } members ? [.. members.Select(ClusterSize)] : s.ClusterMembers,
            ClusterDatabases = Positive(parseResult.GetValue(Databases), "--databases") ?? s.ClusterDatabases,
            ClusterClients = Positive(parseResult.GetValue(Clients), "--clients") ?? s.ClusterClients,
            FailoverKills = parseResult.GetValue(Kills) is { } kills ? (kills >= 0 ? kills : throw new ArgumentException($"--kills must be 0 or more, not {kills}.")) : s.FailoverKills,
        };

        string transport = parseResult.GetValue(Transport) ?? "all";
        if (transport is not ("tcp" or "unix" or "all"))
        {
            throw new ArgumentException($"--transport must be tcp, unix or all, not '{transport}'.");
        }

        return new BenchRunOptions(
            Suite,
            s,
            quick,
            Systems(parseResult, transport),
            parseResult.GetValue(Node),
            Suite == BenchSuiteKind.Full ? Math.Max(0, parseResult.GetValue(Workers)) : 0,
            parseResult.GetValue(Listen),
            TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(WorkerTimeout))),
            configPath,
            parseResult.GetValue(PublicHostname));
    }

    private List<string> Systems(ParseResult parseResult, string transport)
    {
        if (Suite == BenchSuiteKind.Owner)
        {
            return [SystemCatalog.Owner, SystemCatalog.InProcess];
        }

        if (Suite == BenchSuiteKind.Cluster)
        {
            // The clusters of each size are always measured; these two make the one-database comparison.
            return [SystemCatalog.AkkaRpcTcp, SystemCatalog.ClusterOneDatabase];
        }

        bool tcp = transport != "unix";
        bool unix = transport != "tcp";
        if (Suite == BenchSuiteKind.Services)
        {
            return ServiceSystems(tcp, unix, rest: !parseResult.GetValue(SkipHttp));
        }

        var systems = new List<string>();
        void AddIf(bool wanted, string key)
        {
            if (wanted)
            {
                systems.Add(key);
            }
        }

        AddIf(tcp && !parseResult.GetValue(SkipAkkaRpc), SystemCatalog.AkkaRpcTcp);
        AddIf(unix && !parseResult.GetValue(SkipAkkaRpc), SystemCatalog.AkkaRpcUnix);
        AddIf(tcp && !parseResult.GetValue(SkipAkkaDotNetty), SystemCatalog.AkkaDotNetty);
        AddIf(Suite == BenchSuiteKind.Full && !parseResult.GetValue(SkipHttp), SystemCatalog.Http);
        AddIf(tcp && !parseResult.GetValue(SkipRaw), SystemCatalog.RawTcp);
        AddIf(unix && !parseResult.GetValue(SkipRaw), SystemCatalog.RawUnix);
        AddIf(Suite == BenchSuiteKind.Full && !parseResult.GetValue(SkipInProcess), SystemCatalog.InProcess);
        return systems;
    }

    private static List<string> ServiceSystems(bool tcp, bool unix, bool rest) =>
        [.. Bench.Services.ServiceCatalog.All.Where(key => key switch
        {
            Bench.Services.ServiceCatalog.ServicesTcp or Bench.Services.ServiceCatalog.ActorTcp => tcp,
            Bench.Services.ServiceCatalog.ServicesUnix or Bench.Services.ServiceCatalog.ActorUnix => unix,
            Bench.Services.ServiceCatalog.Rest => rest,
            _ => true,
        })];

    private static int ClusterSize(int members) => members is >= 1 and <= SystemCatalog.MostClusterMembers
        ? members
        : throw new ArgumentException($"--members lists cluster sizes from 1 to {SystemCatalog.MostClusterMembers}, not {members}.");

    private static int? Positive(int? value, string name) =>
        value is <= 0 ? throw new ArgumentException($"{name} must be at least 1, not {value}.") : value;

    private static int ParseRounds(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int rounds) || rounds is < 1 or > MostRounds)
        {
            result.AddError($"--rounds must be a whole number from 1 to {MostRounds}, not '{text}'.");
        }

        return rounds;
    }

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (!DurationParser.TryParse(text, out TimeSpan duration))
        {
            result.AddError($"'{text}' is not a duration: write a number with ms, s or m, e.g. 500ms or 2s.");
            return default;
        }

        if (duration < s_shortestStep || duration > s_longestStep)
        {
            result.AddError($"--duration must be between {s_shortestStep.TotalMilliseconds:F0}ms and {s_longestStep.TotalMinutes:F0}m, not {text}.");
        }

        return duration;
    }
}
