using System.CommandLine;
using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems;
using Microsoft.Extensions.Configuration;
using AkkaRpc.Hosting;

namespace AkkaRpc.Cli.Commands;

/// <summary>The options of <c>akkarpc bench</c> itself (the suite), named after rpycbench's flags.</summary>
internal sealed class BenchSuiteOptions
{
    public Option<int?> NumSerialConnections { get; } = new("--num-serial-connections") { Description = "Connections opened one at a time to measure connection time [default: 100, 10 with --quick]." };

    public Option<int?> NumRequests { get; } = new("--num-requests") { Description = "Requests of each latency measurement (point query, insert) [default: 1000, 200 with --quick]." };

    public Option<int?> NumParallelClients { get; } = new("--num-parallel-clients") { Description = "Clients at once in the concurrency scenario, each with its own connection [default: 128, 16 with --quick]." };

    public Option<int?> RequestsPerClient { get; } = new("--requests-per-client") { Description = "Requests of each parallel client [default: 100, 20 with --quick]." };

    public Option<bool> TestBinaryTransfer { get; } = new("--test-binary-transfer") { Description = "Also run the binary file transfer scenario (chunked, memory bounded)." };

    public Option<long[]> BinaryFileSizes { get; } = new("--binary-file-sizes") { Description = "File sizes in bytes [default: 1572864 134217728 536870912; 1572864 with --quick].", AllowMultipleArgumentsPerToken = true };

    public Option<int?> BinaryChunkSize { get; } = new("--binary-chunk-size") { Description = "Chunk size of binary transfers in bytes [default: 65536]." };

    public Option<int?> BinaryIterations { get; } = new("--binary-iterations") { Description = "Transfers of each file each way [default: 3, 1 with --quick]." };

    public Option<FileInfo> Output { get; } = new("--output", "-o") { Description = "Write the results as JSON (rpycbench's shape: keyed by system, plus ratios and metadata)." };

    public Option<FileInfo> Html { get; } = new("--html") { Description = "Write the HTML report with charts here [default: next to --output, same name with .html]." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress and no summary table." };

    public Option<bool> Quick { get; } = new("--quick") { Description = "Small sizes: the whole run in under a minute on a small machine. Not for figures you quote." };

    public Option<string> Transport { get; } = new("--transport") { Description = "Transports of AkkaRpc and the raw floor: tcp, unix or all [default: all].", DefaultValueFactory = _ => "all" };

    public Option<bool> SkipAkkaRpc { get; } = new("--skip-akkarpc") { Description = "Skip AkkaRpc (both transports)." };

    public Option<bool> SkipHttp { get; } = new("--skip-http") { Description = "Skip the HTTP/REST baseline." };

    public Option<bool> SkipRaw { get; } = new("--skip-raw") { Description = "Skip the raw socket floor." };

    public Option<bool> SkipInProcess { get; } = new("--skip-inprocess") { Description = "Skip the in-process SQLite floor." };

    public Option<string> Node { get; } = new("--node") { Description = "Measure this running node (akkarpc.tcp://AkkaRpc@host:port or akkarpc.unix://AkkaRpc@/path) instead of starting one." };

    public Option<int> Workers { get; } = new("--workers") { Description = "Wait for this many 'akkarpc bench-worker' processes and let them generate the load [default: 0, load from this process]." };

    public Option<string> Listen { get; } = new("--listen") { Description = "host:port the coordinator listens at for workers, e.g. 0.0.0.0:4100 [default: 127.0.0.1:0]." };

    public Option<int> WorkerTimeout { get; } = new("--worker-timeout") { Description = "Seconds to wait for the workers to register [default: 120].", DefaultValueFactory = _ => 120 };

    public Option<FileInfo> Config { get; } = new("--config") { Description = "The HOCON file (default: hocon/bench.conf next to the executable); its akkarpc.bench section sets the sizes." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
        {
            NumSerialConnections, NumRequests, NumParallelClients, RequestsPerClient, TestBinaryTransfer, BinaryFileSizes, BinaryChunkSize,
            BinaryIterations, Output, Html, Quiet, Quick, Transport, SkipAkkaRpc, SkipHttp, SkipRaw, SkipInProcess, Node, Workers, Listen,
            WorkerTimeout, Config,
        })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Returns the run the command line asks for: bench.conf's sizes (or --quick's), with explicit flags winning.</summary>
    public BenchRunOptions Resolve(ParseResult parseResult)
    {
        string configPath = parseResult.GetValue(Config)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "hocon", "bench.conf");
        var configuration = new ConfigurationBuilder().AddAkkaRpcConfiguration(File.Exists(configPath) ? configPath : null).Build();
        bool quick = parseResult.GetValue(Quick);
        var s = BenchSettingsReader.Read(configuration, quick);
        s = s with
        {
            NumSerialConnections = Positive(parseResult.GetValue(NumSerialConnections), "--num-serial-connections") ?? s.NumSerialConnections,
            NumRequests = Positive(parseResult.GetValue(NumRequests), "--num-requests") ?? s.NumRequests,
            NumParallelClients = Positive(parseResult.GetValue(NumParallelClients), "--num-parallel-clients") ?? s.NumParallelClients,
            RequestsPerClient = Positive(parseResult.GetValue(RequestsPerClient), "--requests-per-client") ?? s.RequestsPerClient,
            TestBinaryTransfer = s.TestBinaryTransfer || parseResult.GetValue(TestBinaryTransfer),
            BinaryFileSizes = parseResult.GetValue(BinaryFileSizes) is { Length: > 0 } sizes ? sizes : s.BinaryFileSizes,
            BinaryChunkSize = Positive(parseResult.GetValue(BinaryChunkSize), "--binary-chunk-size") ?? s.BinaryChunkSize,
            BinaryIterations = Positive(parseResult.GetValue(BinaryIterations), "--binary-iterations") ?? s.BinaryIterations,
        };

        string transport = parseResult.GetValue(Transport) ?? "all";
        if (transport is not ("tcp" or "unix" or "all"))
        {
            throw new ArgumentException($"--transport must be tcp, unix or all, not '{transport}'.");
        }

        var systems = new List<string>();
        if (!parseResult.GetValue(SkipAkkaRpc))
        {
            if (transport != "unix")
            {
                systems.Add(SystemCatalog.AkkaRpcTcp);
            }

            if (transport != "tcp")
            {
                systems.Add(SystemCatalog.AkkaRpcUnix);
            }
        }

        if (!parseResult.GetValue(SkipHttp))
        {
            systems.Add(SystemCatalog.Http);
        }

        if (!parseResult.GetValue(SkipRaw))
        {
            if (transport != "unix")
            {
                systems.Add(SystemCatalog.RawTcp);
            }

            if (transport != "tcp")
            {
                systems.Add(SystemCatalog.RawUnix);
            }
        }

        if (!parseResult.GetValue(SkipInProcess))
        {
            systems.Add(SystemCatalog.InProcess);
        }

        return new BenchRunOptions(
            s,
            quick,
            systems,
            parseResult.GetValue(Node),
            Math.Max(0, parseResult.GetValue(Workers)),
            parseResult.GetValue(Listen),
            TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(WorkerTimeout))),
            configPath);
    }

    private static int? Positive(int? value, string name) =>
        value is <= 0 ? throw new ArgumentException($"{name} must be at least 1, not {value}.") : value;
}
