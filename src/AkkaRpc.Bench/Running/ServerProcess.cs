using System.Diagnostics;

namespace AkkaRpc.Bench.Running;

/// <summary>
/// A server under test in a process of its own (the built <c>akkarpc</c> with a server command), so load and server
/// never share a runtime, as in rpycbench. Started from this executable; its "listening at" lines say where it is.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "listening at ";
    private readonly Process _process;
    private int _disposed;

    private ServerProcess(Process process, IReadOnlyList<string> addresses, IReadOnlyList<string> arguments)
    {
        _process = process;
        Addresses = addresses;
        Arguments = arguments;
    }

    /// <summary>Gets the addresses the server printed after <c>listening at</c>.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>Gets the arguments it was started with, so that it can be started again the same way.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Gets whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>akkarpc <paramref name="arguments"/></c> and waits, up to <paramref name="timeout"/>, for
    /// <paramref name="expectedAddresses"/> "listening at" lines and then, when given, a line starting with
    /// <paramref name="readyLine"/> (a cluster member's "cluster member up").
    /// </summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyList<string> arguments, int expectedAddresses, TimeSpan timeout, CancellationToken cancellationToken, string? readyLine = null)
    {
        var start = SelfCommand();
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var addresses = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // Bounded by the count of lines we need and by the deadline; a server that exits ends it with null.
            bool ready = readyLine is null;
            while (addresses.Count < expectedAddresses || !ready)
            {
                var line = await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
                if (line is null)
                {
                    throw new InvalidOperationException(
                        $"'akkarpc {string.Join(' ', arguments)}' exited before it was ready: {(await stderr.ConfigureAwait(false)).Trim()}");
                }

                if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
                {
                    addresses.Add(line[ListeningPrefix.Length..].Trim());
                }
                else if (readyLine is not null && line.StartsWith(readyLine, StringComparison.Ordinal))
                {
                    ready = true;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Stop(process);
            process.Dispose();
            throw new TimeoutException(
                $"'akkarpc {string.Join(' ', arguments)}' was not ready within {timeout.TotalSeconds:0} s " +
                $"({addresses.Count} of {expectedAddresses} addresses{(readyLine is null ? "" : $", waiting for \"{readyLine}\"")}).");
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }

        // Keep draining stdout so a chatty server never blocks on a full pipe.
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        return new ServerProcess(process, addresses, [.. arguments]);
    }

    /// <summary>Kills the process at once (SIGKILL: no shutdown, no goodbye to its peers), as a crash would, and waits for it to be gone.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        Stop(_process);
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Idempotent: a member killed and replaced during the failover measurement is disposed there and again with the run's servers.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Stop(_process);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // It was killed; the OS reaps it.
        }

        _process.Dispose();
    }

    /// <summary>How to run this same program again: the apphost directly, or <c>dotnet akkarpc.dll</c>.</summary>
    private static ProcessStartInfo SelfCommand()
    {
        string processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        string apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "akkarpc.exe" : "akkarpc");
        if (File.Exists(apphost))
        {
            return new ProcessStartInfo(apphost); // the apphost, or the NativeAOT executable itself
        }

        var start = new ProcessStartInfo(processPath);
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "akkarpc.dll"));
        }

        return start;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // The data directory is a temporary one deleted after the run, so a hard stop loses nothing.
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
