using System.Diagnostics;
using Akka.Actor;

namespace AkkaRpc.Integration.Tests;

/// <summary>A real <c>akkarpc serve</c> process, started from the built executable next to the tests.</summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<IReadOnlyList<Address>> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Address> _addresses = [];

    private NodeProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<Address> Addresses => _addresses;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts a node and waits until it prints every address it listens at.</summary>
    public static async Task<NodeProcess> StartAsync(string dataDir, string socket, string cookie, TimeSpan ceiling)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "akkarpc");
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "serve", "--data-dir", dataDir, "--port", "0", "--socket", socket, $"--remote:cookie-path={cookie}" })
        {
            info.ArgumentList.Add(arg);
        }

        var node = new NodeProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}."));
        node._process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        node._process.EnableRaisingEvents = true;
        node._process.Exited += (_, _) => node._ready.TrySetException(new InvalidOperationException($"akkarpc serve exited with {node._process.ExitCode}:\n{node.Output}"));
        try
        {
            await node._ready.Task.WaitAsync(ceiling);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"akkarpc serve did not become ready within {ceiling}:\n{node.Output}");
        }

        return node;
    }

    /// <summary>SIGTERM: the node drains and exits by itself.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: the node dies at once, without closing anything.</summary>
    public void KillHard() => _process.Kill();

    public async Task<int> WaitForExitAsync(TimeSpan ceiling)
    {
        await _process.WaitForExitAsync().WaitAsync(ceiling);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        const string listening = "listening at ";
        if (line.StartsWith(listening, StringComparison.Ordinal) && ActorPath.TryParse(line[listening.Length..] + "/user", out var path))
        {
            lock (_addresses)
            {
                _addresses.Add(path.Address);
            }
        }
        else if (line.StartsWith("databases in ", StringComparison.Ordinal))
        {
            _ready.TrySetResult(_addresses);
        }
    }
}
