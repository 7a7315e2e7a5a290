using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AkkaRpc.Client;

namespace AkkaRpc.Integration.Tests;

/// <summary>
/// Three real <c>akkarpc serve --cluster</c> members sharing a data directory and cookie: SIGKILL the member that owns a
/// database while a client writes through a member; the client goes on through another member, and every
/// acknowledged write is there.
/// </summary>
public sealed class ClusterProcessTests : IAsyncLifetime
{
    private readonly ClientSandbox _sandbox = new();
    private readonly List<Process> _processes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task KillingTheOwnersMember_TheClientWritesOnThroughAnotherMember_AndNoAcknowledgedWriteIsLost()
    {
        var ports = Enumerable.Range(0, 3).Select(_ => Loopback.FreePort()).ToArray();
        var seed = $"akka.rpc.tcp://AkkaRpc@127.0.0.1:{ports[0]}";
        var members = new List<(Process Process, ConcurrentQueue<string> Lines)>();
        foreach (var port in ports)
        {
            members.Add(Start(ClientSandbox.Akkarpc, [], "serve", "--cluster", "--port", port.ToString(CultureInfo.InvariantCulture), "--seed-node", seed,
                "--data-dir", _sandbox.DataDirectory, $"--remote:cookie-path={_sandbox.Cookie}"));
        }

        foreach (var (_, lines) in members)
        {
            await UntilAsync(() => lines.Any(l => l.StartsWith("cluster member up at ", StringComparison.Ordinal)), () => string.Join('\n', lines));
        }

        var (client, output) = Start(ClientSandbox.TestClient, new() { ["AKKARPC_TEST_NODE_ADDRESS"] = seed }, "failover", "7", "100000", _sandbox.Cookie);
        await UntilAsync(() => Acks(output).Count >= 200, () => string.Join('\n', output));

        var owner = members.Single(m => HoldsOpen(m.Process, "failover.db"));
        owner.Process.Kill();
        var killedAt = Acks(output).Count;

        // Writes resume through another member (the client was told only the seed's address).
        await UntilAsync(() => Acks(output).Count >= killedAt + 200, () => string.Join('\n', output) + "\n" + string.Join('\n', members.SelectMany(m => m.Lines.TakeLast(20))));
        client.Kill();
        await client.WaitForExitAsync();

        var survivor = members.First(m => m.Process != owner.Process && !m.Process.HasExited);
        var reader = await AkkaRpcClient.ConnectAsync("failover", new AkkaRpcClientOptions
        {
            NodeAddress = $"akka.rpc.tcp://AkkaRpc@127.0.0.1:{ports[members.IndexOf(survivor)]}",
            CookiePath = _sandbox.Cookie,
            AutoSpawn = false,
            PrivateConnection = true,
        });
        await using (reader)
        {
            var stored = (await reader.QueryAsync("SELECT seq FROM items WHERE client = 7")).Select(r => r.Get<long>(0)).ToHashSet();
            var acked = Acks(output);
            Assert.All(acked, seq => Assert.Contains(seq, stored));
            Assert.Equal("ok", (await reader.QueryAsync("PRAGMA integrity_check"))[0].Get<string>(0));
        }
    }

    private static List<long> Acks(ConcurrentQueue<string> output) =>
        output.Where(l => l.StartsWith("ack ", StringComparison.Ordinal)).Select(l => long.Parse(l[4..], CultureInfo.InvariantCulture)).ToList();

    // Which member runs the owner: the one whose process has the database file open (Linux /proc).
    private static bool HoldsOpen(Process process, string file)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{process.Id}/fd").Any(fd => new FileInfo(fd).LinkTarget?.EndsWith("/" + file, StringComparison.Ordinal) == true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private (Process Process, ConcurrentQueue<string> Lines) Start(string executable, Dictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var lines = new ConcurrentQueue<string>();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _processes.Add(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lines.Enqueue(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lines.Enqueue(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, lines);
    }

    private static async Task UntilAsync(Func<bool> condition, Func<string> describe)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > ClientSandbox.Ceiling)
            {
                Assert.Fail($"Not reached within {ClientSandbox.Ceiling}:\n{describe()}");
            }

            await Task.Delay(50);
        }
    }
}
