using System.Diagnostics;
using System.Globalization;
using Akka.Actor;

namespace AkkaRpc.Reliability.Running;

/// <summary>
/// A real <c>akkarpc serve</c> process on a <see cref="Sandbox"/>'s directories: started from the <c>akkarpc</c>
/// executable beside this assembly, listening on the sandbox's Unix socket and a free loopback TCP port. It keeps what
/// the node printed (the last lines, and how much in all) and gives the attacks its pid for signals and /proc.
/// </summary>
internal sealed class NodeUnderAttack : IAsyncDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly List<Address> _addresses = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lines;
    private long _bytes;

    private NodeUnderAttack(Process process)
    {
        _process = process;
    }

    /// <summary>Gets the node's process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Gets whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Gets the addresses the node printed (Unix socket and TCP).</summary>
    public IReadOnlyList<Address> Addresses
    {
        get
        {
            lock (_addresses)
            {
                return [.. _addresses];
            }
        }
    }

    /// <summary>Gets the node's TCP address.</summary>
    public Address TcpAddress => Addresses.First(a => a.Protocol.EndsWith("tcp", StringComparison.Ordinal));

    /// <summary>Gets how many lines the node has printed so far.</summary>
    public long LinesPrinted => Interlocked.Read(ref _lines);

    /// <summary>Gets how many characters the node has printed so far.</summary>
    public long CharactersPrinted => Interlocked.Read(ref _bytes);

    /// <summary>Gets the last lines the node printed.</summary>
    public string LastLines
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join('\n', _lastLines);
            }
        }
    }

    /// <summary>The <c>akkarpc</c> executable beside this assembly (the apphost, or the NativeAOT executable itself).</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "akkarpc.exe" : "akkarpc");

    /// <summary>How to run <c>akkarpc <paramref name="arguments"/></c> with its output redirected.</summary>
    public static ProcessStartInfo Command(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Starts a node on <paramref name="sandbox"/> and waits until it serves, at most <paramref name="ceiling"/>.</summary>
    public static async Task<NodeUnderAttack> StartAsync(Sandbox sandbox, TimeSpan ceiling, CancellationToken cancellationToken)
    {
        var info = Command(["serve", "--data-dir", sandbox.DataDirectory, "--port", "0", "--socket", sandbox.Socket, $"--remote:cookie-path={sandbox.Cookie}"]);
        var node = new NodeUnderAttack(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {Executable}."));
        node._process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        node._process.EnableRaisingEvents = true;
        node._process.Exited += (_, _) => node._ready.TrySetException(new InvalidOperationException($"akkarpc serve exited with {node._process.ExitCode}:\n{node.LastLines}"));
        try
        {
            await node._ready.Task.WaitAsync(ceiling, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"akkarpc serve did not become ready within {ceiling.TotalSeconds:0} s:\n{node.LastLines}", ex);
        }

        return node;
    }

    /// <summary>Sends a signal by name (KILL, STOP, CONT, TERM) with the system's <c>kill</c>.</summary>
    public void Signal(string name)
    {
        if (HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", [$"-{name}", Pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        if (!HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for the process to end, at most <paramref name="ceiling"/>; returns whether it did.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan ceiling)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(ceiling).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The node's resident memory in MiB, from /proc; null when it cannot be read.</summary>
    public double? ResidentMiB()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kib = long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                    return kib / 1024.0;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // Gone, or not Linux.
        }

        return null;
    }

    /// <summary>How many file descriptors the node holds open, from /proc; null when it cannot be read.</summary>
    public int? OpenFiles()
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{Pid}/fd").Count();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!HasExited)
            {
                _process.Kill();
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Already gone, or the OS reaps it.
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref _lines);
        Interlocked.Add(ref _bytes, line.Length + 1);
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }

        const string listening = "listening at ";
        if (line.StartsWith(listening, StringComparison.Ordinal) && ActorPath.TryParse(line[listening.Length..].Trim() + "/user", out var path))
        {
            lock (_addresses)
            {
                _addresses.Add(path.Address);
            }
        }
        else if (line.StartsWith("databases in ", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
