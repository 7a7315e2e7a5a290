using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace AkkaRpc.Integration.Tests.Cluster;

/// <summary>
/// A local cluster started with the real <c>akkarpc cluster start</c> in a <see cref="ClientSandbox"/>, with the short
/// failure-detector settings the tests use. Disposing kills every member of the sandbox (recorded or not, stopped with
/// SIGSTOP or not) and every node it auto-spawned, then removes the sandbox.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>
    /// Failure detection for tests: a member silent for 2 s is unreachable and downed 1 s later. A bit slower than the
    /// local-cluster default (1.5 s), because these tests share two cores with everything else. Given as AKKARPC__
    /// environment variables, which the members inherit from <c>akkarpc cluster start</c>: serve reads a
    /// <c>--cluster:key=value</c> flag as its <c>--cluster</c> switch with a value, and refuses it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FastFailureDetection = new Dictionary<string, string>
    {
        ["AKKARPC__CLUSTER__FAILURE-DETECTOR__HEARTBEAT-INTERVAL"] = "300ms",
        ["AKKARPC__CLUSTER__FAILURE-DETECTOR__ACCEPTABLE-HEARTBEAT-PAUSE"] = "2s",
        ["AKKARPC__CLUSTER__SPLIT-BRAIN-RESOLVER__STABLE-AFTER"] = "1s",
    };

    private LocalCluster(ClientSandbox sandbox, int firstPort, TimeSpan startTime, string startOutput)
    {
        Sandbox = sandbox;
        FirstPort = firstPort;
        StartTime = startTime;
        StartOutput = startOutput;
    }

    public ClientSandbox Sandbox { get; }

    public int FirstPort { get; }

    /// <summary>How long <c>akkarpc cluster start</c> took.</summary>
    public TimeSpan StartTime { get; }

    public string StartOutput { get; }

    public string ClusterFile => Path.Combine(Sandbox.RuntimeDirectory, "cluster.json");

    /// <summary>Runs <c>akkarpc cluster start --nodes <paramref name="nodes"/></c> on free ports; fails the test with its output if it fails.</summary>
    public static async Task<LocalCluster> StartAsync(ClientSandbox sandbox, int nodes, params string[] settings)
    {
        var firstPort = FreePortRange(nodes);
        var clock = Stopwatch.StartNew();
        var (code, output, error) = await RunStartAsync(sandbox, ["--nodes", nodes.ToString(CultureInfo.InvariantCulture), "--port", firstPort.ToString(CultureInfo.InvariantCulture), "--timeout", $"{TestTime.Seconds(60).TotalSeconds:0}s", .. settings]);
        var elapsed = clock.Elapsed;
        var cluster = new LocalCluster(sandbox, firstPort, elapsed, output);
        if (code != 0)
        {
            await cluster.DisposeAsync();
            Assert.Fail($"akkarpc cluster start exited with {code}:{Environment.NewLine}{output}{error}");
        }

        return cluster;
    }

    /// <summary>Runs <c>akkarpc cluster start</c> with <paramref name="arguments"/> in <paramref name="sandbox"/>'s environment plus <see cref="FastFailureDetection"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunStartAsync(ClientSandbox sandbox, params string[] arguments)
    {
        var info = new ProcessStartInfo(ClientSandbox.Akkarpc)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["cluster", "start", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["AKKARPC_RUNTIME_DIR"] = sandbox.RuntimeDirectory;
        info.Environment["AKKARPC_DATA_DIR"] = sandbox.DataDirectory;
        info.Environment["AKKARPC_SERVER"] = ClientSandbox.Akkarpc;
        foreach (var (key, value) in FastFailureDetection)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(ClientSandbox.Ceiling);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The members recorded in cluster.json: address, pid, log.</summary>
    public IReadOnlyList<(string Address, int Pid, string Log)> Members()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(ClusterFile));
        return [.. json.RootElement.GetProperty("members").EnumerateArray().Select(m => (
            m.GetProperty("address").GetString()!,
            m.GetProperty("pid").GetInt32(),
            m.GetProperty("log_file").GetString()!))];
    }

    /// <summary>The <c>akkarpc serve</c> processes that serve this sandbox's data directory (members, or a node a client auto-spawned).</summary>
    public IReadOnlyList<int> ServePids() => ServePidsOf(Sandbox);

    /// <summary>The <c>akkarpc serve</c> processes whose command line names a path in <paramref name="sandbox"/>.</summary>
    public static IReadOnlyList<int> ServePidsOf(ClientSandbox sandbox)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var state = File.ReadAllText(Path.Combine(dir, "stat")).Split(") ")[^1][0];
                if (state != 'Z' && commandLine.Contains("serve") && commandLine.Any(a => a.Contains(sandbox.Root, StringComparison.Ordinal)))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return pids;
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(") ")[^1][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Sends a signal (KILL, STOP, CONT, TERM) with kill(1).</summary>
    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits until <paramref name="pid"/> has exited; false after <paramref name="ceiling"/>.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan ceiling)
    {
        var clock = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (clock.Elapsed > ceiling)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>Runs <c>akkarpc</c> with the sandbox's environment (it finds the members through cluster.json).</summary>
    public Task<(int ExitCode, string Output, string Error)> AkkarpcAsync(params string[] arguments) => Sandbox.RunAsync(ClientSandbox.Akkarpc, arguments);

    /// <summary>The address of the member whose status lists <paramref name="database"/>, asking until one does.</summary>
    public async Task<string> OwnerAsync(string database)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < ClientSandbox.Ceiling)
        {
            var (code, json, error) = await AkkarpcAsync("status", "--json", "--no-spawn", "--timeout", "5s");
            last = json + error;
            if (code == 0)
            {
                foreach (var line in json.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    using var status = JsonDocument.Parse(line);
                    foreach (var member in status.RootElement.GetProperty("members").EnumerateArray())
                    {
                        if (member.GetProperty("status").GetString() == "Up"
                            && member.GetProperty("databases").EnumerateArray().Any(d => d.GetProperty("name").GetString() == database))
                        {
                            return member.GetProperty("address").GetString()!;
                        }
                    }
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No Up member lists {database} within {ClientSandbox.Ceiling}; akkarpc status said:{Environment.NewLine}{last}");
    }

    /// <summary>The (client, seq) rows of <c>items</c> in <paramref name="database"/>, read through the cluster (or, with <paramref name="spawn"/>, a node started for it).</summary>
    public async Task<HashSet<(int Client, int Seq)>> RowsAsync(string database, bool spawn = false)
    {
        var (code, json, error) = await AkkarpcAsync(["query", database, "SELECT client, seq FROM items", "--json", .. spawn ? Array.Empty<string>() : ["--no-spawn"]]);
        Assert.True(code == 0, error);
        return json.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("client").GetInt32(), e.GetProperty("seq").GetInt32()))
            .ToHashSet();
    }

    /// <summary>SQLite's <c>PRAGMA integrity_check</c> of <paramref name="database"/>: "ok" when the file is sound.</summary>
    public async Task<string> IntegrityCheckAsync(string database, bool spawn = false)
    {
        var (code, json, error) = await AkkarpcAsync(["query", database, "PRAGMA integrity_check", "--json", .. spawn ? Array.Empty<string>() : ["--no-spawn"]]);
        Assert.True(code == 0, error);
        return string.Join(" ", json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("integrity_check").GetString()));
    }

    /// <summary>The member log's text, for assertions and failure messages.</summary>
    public static string ReadLog(string log)
    {
        using var file = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd();
    }

    public ValueTask DisposeAsync() => CleanUpAsync(Sandbox);

    /// <summary>Kills every process that serves <paramref name="sandbox"/> and removes it.</summary>
    public static async ValueTask CleanUpAsync(ClientSandbox sandbox)
    {
        foreach (var pid in ServePidsOf(sandbox))
        {
            Signal(pid, "KILL"); // SIGKILL ends a stopped (SIGSTOP) process too
        }

        foreach (var pid in ServePidsOf(sandbox))
        {
            await WaitForExitAsync(pid, ClientSandbox.Ceiling);
        }

        await sandbox.DisposeAsync();
    }

    // The first of `count` consecutive ports that are free on loopback now.
    public static int FreePortRange(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = Random.Shared.Next(20000, 60000);
            var sockets = new List<Socket>();
            try
            {
                for (var port = first; port < first + count; port++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    sockets.Add(socket);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                }

                return first;
            }
            catch (SocketException)
            {
                // One of them is taken: try another range.
            }
            finally
            {
                foreach (var socket in sockets)
                {
                    socket.Dispose();
                }
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free ports on loopback.");
    }
}
