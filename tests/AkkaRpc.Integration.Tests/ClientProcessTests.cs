using System.Diagnostics;
using AkkaRpc.Testing;
using Xunit.Abstractions;

namespace AkkaRpc.Integration.Tests;

/// <summary>Client processes (the built executables) finding, spawning and sharing one node, and surviving its death.</summary>
public sealed class ClientProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClientSandbox _sandbox = new();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task ColdStart_AQueryWithNoNodeRunning_SpawnsOne_AndAnswers()
    {
        Assert.Empty(_sandbox.NodePids());

        var (code, stdout, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "SELECT 40 + 2 AS answer");

        Assert.True(code == 0, stderr);
        Assert.Equal(["answer", "------", "    42", "(1 row)"], stdout.TrimEnd().Split('\n'));
        Assert.Single(_sandbox.NodePids());
        Assert.True(File.Exists(Path.Combine(_sandbox.DataDirectory, "orders")) || Directory.EnumerateFiles(_sandbox.DataDirectory, "orders*").Any());
    }

    [Fact]
    public async Task EightClientProcessesAtOnce_EndWithOneNode_AndAllTwoThousandInsertsLand()
    {
        var clients = Enumerable.Range(0, 8).Select(i => _sandbox.Start(ClientSandbox.TestClient, "orders", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "250")).ToList();
        var outputs = await Task.WhenAll(clients.Select(async c =>
        {
            var text = await c.StandardOutput.ReadToEndAsync();
            var error = await c.StandardError.ReadToEndAsync();
            await c.WaitForExitAsync().WaitAsync(ClientSandbox.Ceiling);
            Assert.True(c.ExitCode == 0, text + error);
            return text;
        }));

        Assert.All(outputs, o => Assert.Equal(250, o.Split('\n').Count(l => l.StartsWith("ack ", StringComparison.Ordinal))));
        Assert.Single(_sandbox.NodePids());
        var (code, count, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "SELECT count(*) AS n, count(DISTINCT client) AS clients FROM items", "--json");
        Assert.True(code == 0, stderr);
        Assert.Equal("{\"n\":2000,\"clients\":8}", count.Trim());
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task TheNodeKilledWhileFourClientsInsert_LosesNoAcknowledgedInsert_AndTheClientsCarryOnAgainstANewNode()
    {
        const int Inserts = 600;
        var lines = new List<(int Client, string Line, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        var firstAcks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        var clients = Enumerable.Range(0, 4).Select(i =>
        {
            var process = _sandbox.Start(ClientSandbox.TestClient, "orders", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Inserts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (lines)
                {
                    lines.Add((i, e.Data, clock.Elapsed));
                    if (lines.Count(l => l.Line.StartsWith("ack ", StringComparison.Ordinal)) >= 200)
                    {
                        firstAcks.TrySetResult();
                    }
                }
            };
            // Read, so a client that writes much there never blocks on a full pipe, and shown if it fails.
            process.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }).ToList();

        if (await Task.WhenAny(firstAcks.Task, Task.Delay(ClientSandbox.Ceiling)) != firstAcks.Task)
        {
            lock (lines)
            {
                Assert.Fail($"200 acknowledged inserts did not come within {ClientSandbox.Ceiling}; the clients printed:{Environment.NewLine}" +
                    string.Join(Environment.NewLine, lines.Where(l => !l.Line.StartsWith("ack ", StringComparison.Ordinal)).Select(l => $"{l.At} client {l.Client}: {l.Line}")) +
                    $"{Environment.NewLine}acks: {lines.Count(l => l.Line.StartsWith("ack ", StringComparison.Ordinal))}; standard error:{Environment.NewLine}{errors}");
            }
        }

        var victim = Assert.Single(_sandbox.NodePids());
        var killedAt = clock.Elapsed;
        ClientSandbox.Kill(victim);
        foreach (var client in clients)
        {
            await client.WaitForExitAsync().WaitAsync(ClientSandbox.Ceiling);
            Assert.True(client.ExitCode == 0, $"a client exited with {client.ExitCode}; the clients' standard error:{Environment.NewLine}{errors}");
            client.Dispose();
        }

        var acked = Parse(lines, "ack ");
        var unknown = Parse(lines, "unknown ");
        var (code, json, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "SELECT client, seq FROM items", "--json");
        Assert.True(code == 0, stderr);
        var stored = json.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("client").GetInt32(), e.GetProperty("seq").GetInt32()))
            .ToHashSet();

        Assert.Subset(stored, acked); // every acknowledged insert is there
        Assert.Superset(stored, acked.Union(unknown).ToHashSet()); // nothing landed that no client sent
        Assert.Equal(4 * Inserts, acked.Count + unknown.Count); // every insert had an outcome
        Assert.NotEqual(victim, Assert.Single(_sandbox.NodePids())); // a new node
        // A client noticed the loss when it printed "unknown"; its next ack came through the new node. (Acks read after
        // the kill may have been written before it, so the kill time alone does not tell which node answered.)
        var reconnects = new List<TimeSpan>();
        foreach (var client in Enumerable.Range(0, 4))
        {
            var mine = lines.Where(l => l.Client == client).ToList();
            var lost = mine.FindIndex(l => l.Line.StartsWith("unknown ", StringComparison.Ordinal));
            var next = lost < 0 ? -1 : mine.FindIndex(lost, l => l.Line.StartsWith("ack ", StringComparison.Ordinal));
            if (next >= 0)
            {
                reconnects.Add(mine[next].At - killedAt);
            }
        }

        Assert.Equal(unknown.Select(u => u.Item1).Distinct().Count(), reconnects.Count); // every client that lost a request carried on
        Assert.True(acked.Count > lines.Count(l => l.At < killedAt && l.Line.StartsWith("ack ", StringComparison.Ordinal)));
        output.WriteLine($"outcome unknown: {unknown.Count}; kill to the first ack through the new node, per client: {string.Join(", ", reconnects.Select(r => $"{r.TotalMilliseconds:0} ms"))}");
    }

    [Fact]
    public async Task AStrangerOnTheFirstPort_IsSkipped_ByTheClientAndByTheNodeItSpawns()
    {
        var (stranger, port) = Loopback.StartStranger();

        var (code, stdout, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "SELECT 1 AS one", "--socket", "off", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--port-count", "20", "--json");

        Assert.True(code == 0, stderr);
        Assert.Equal("{\"one\":1}", stdout.Trim());
        var node = Assert.Single(_sandbox.NodePids());
        var log = await File.ReadAllTextAsync(Path.Combine(_sandbox.RuntimeDirectory, "node.log"));
        var listening = System.Text.RegularExpressions.Regex.Match(log, @"listening at akka\.rpc\.tcp://\S+:(\d+)");
        Assert.True(listening.Success, log);
        var nodePort = int.Parse(listening.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(nodePort, port + 1, port + 19); // the node, too, passed over the stranger's port
        stranger.Stop();
        ClientSandbox.Kill(node);
    }

    [Fact]
    public async Task ANodeWithAnotherCookie_IsSkipped_AndWithAutoSpawnOffTheErrorSaysSo()
    {
        var socket = Path.Combine(_sandbox.RuntimeDirectory, "node.sock");
        await using var foreign = await NodeProcess.StartAsync(_sandbox.DataDirectory, socket, Path.Combine(_sandbox.Root, "foreign-cookie"), ClientSandbox.Ceiling);
        var config = Path.Combine(_sandbox.Root, "client.conf");
        await File.WriteAllTextAsync(config, $"akkarpc.client.cookie-path = \"{_sandbox.Cookie}\"\nakkarpc.client.auto-spawn = off\n");

        var (code, stdout, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "SELECT 1", "--config", config);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("auto-spawn is off", stderr, StringComparison.Ordinal);
        Assert.Contains("cookie", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.False(foreign.HasExited); // the foreign node is untouched
    }

    [Fact]
    public async Task WithAutoSpawnOff_AndNoNode_TheErrorIsClear_AndNothingIsStarted()
    {
        var (code, stdout, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "SELECT 1", "--no-spawn");

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains($"No AkkaRpc node at {Path.Combine(_sandbox.RuntimeDirectory, "node.sock")}", stderr, StringComparison.Ordinal);
        Assert.Contains("auto-spawn is off", stderr, StringComparison.Ordinal);
        Assert.Empty(_sandbox.NodePids());
    }

    [Fact]
    public async Task ASpawnedNode_ExitsOnItsOwn_AfterItsIdleTime()
    {
        var config = Path.Combine(_sandbox.Root, "client.conf");
        await File.WriteAllTextAsync(config, "akkarpc.client.idle-shutdown = 1s\n");

        var (code, _, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "SELECT 1", "--config", config);
        Assert.True(code == 0, stderr);
        Assert.Single(_sandbox.NodePids());

        await _sandbox.WaitForNoNodeAsync(ClientSandbox.Ceiling);
        Assert.False(File.Exists(Path.Combine(_sandbox.RuntimeDirectory, "node.sock")));
    }

    [Fact]
    public async Task ASqlError_PrintsSqlitesMessageAndCode_AndExitsNonZero()
    {
        var (code, stdout, stderr) = await _sandbox.RunAsync(ClientSandbox.Akkarpc, "query", "orders", "SELECT * FROM missing_table");

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("no such table: missing_table", stderr, StringComparison.Ordinal);
        Assert.Contains("SQLite error 1", stderr, StringComparison.Ordinal);
    }

    private static HashSet<(int, int)> Parse(List<(int Client, string Line, TimeSpan At)> lines, string prefix)
    {
        lock (lines)
        {
            return lines.Where(l => l.Line.StartsWith(prefix, StringComparison.Ordinal))
                .Select(l => (l.Client, int.Parse(l.Line[prefix.Length..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)))
                .ToHashSet();
        }
    }
}
