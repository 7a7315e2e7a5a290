using System.Diagnostics;
using System.Globalization;


namespace AkkaRpc.Integration.Tests;

/// <summary>
/// A fresh runtime directory, data directory and cookie for client processes (the built <c>akkarpc</c> and
/// <c>akkarpc-test-client</c> executables): they find, or auto-spawn, only the node of this sandbox. Disposing kills any
/// node left and removes the directory.
/// </summary>
internal sealed class ClientSandbox : IAsyncDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("akkarpc-clients-");

    public ClientSandbox()
    {
        if (!OperatingSystem.IsWindows()) // the node refuses a socket directory others may enter
        {
            Directory.CreateDirectory(RuntimeDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public static TimeSpan Ceiling { get; } = TestTime.Dilated(TimeSpan.FromSeconds(60));

    public static string Akkarpc { get; } = Path.Combine(AppContext.BaseDirectory, "akkarpc");

    public static string TestClient { get; } = Path.Combine(AppContext.BaseDirectory, "akkarpc-test-client");

    public string RuntimeDirectory => Path.Combine(_root.FullName, "run");

    public string DataDirectory => Path.Combine(_root.FullName, "data");

    public string Cookie => Path.Combine(_root.FullName, "cookie");

    public string Root => _root.FullName;

    /// <summary>Runs a process to its end and returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(string executable, params string[] arguments)
    {
        using var process = Start(executable, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Ceiling);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts a process with this sandbox's environment and its output redirected.</summary>
    public Process Start(string executable, params string[] arguments)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["AKKARPC_RUNTIME_DIR"] = RuntimeDirectory;
        info.Environment["AKKARPC_DATA_DIR"] = DataDirectory;
        info.Environment["AKKARPC_SERVER"] = Akkarpc;
        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
    }

    /// <summary>The pids of <c>akkarpc serve</c> processes of this sandbox (found by its runtime directory on their command line).</summary>
    public IReadOnlyList<int> NodePids()
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
                if (commandLine.Contains("serve") && commandLine.Any(a => a.Contains(RuntimeDirectory, StringComparison.Ordinal)))
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

    /// <summary>Waits until no node of this sandbox runs.</summary>
    public async Task WaitForNoNodeAsync(TimeSpan ceiling)
    {
        var deadline = Stopwatch.StartNew();
        while (NodePids().Count > 0)
        {
            if (deadline.Elapsed > ceiling)
            {
                throw new TimeoutException($"A node of {RuntimeDirectory} still runs after {ceiling}.");
            }

            await Task.Delay(20);
        }
    }

    public static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pid in NodePids())
        {
            Kill(pid);
        }

        await WaitForNoNodeAsync(Ceiling);
        _root.Delete(recursive: true);
    }
}
