using System.Diagnostics;
using System.Text;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Reporting;

/// <summary>Runs Debian's chromium headless against a local file, with every network feature it has switched off.</summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>What to do when chromium is not there: CI installs it (.ci/run), so a missing one is a failure with directions.</summary>
    public const string MissingMessage =
        $"{Executable} is missing: the HTML report tests open the report in headless chromium. " +
        "Install it with `apt-get install -y chromium` (.ci/run does this on CI).";

    /// <summary>Launch, load and render take a few seconds; this ceiling only catches a hung browser.</summary>
    private static readonly TimeSpan s_ceiling = TestTime.Seconds(90);

    public static bool IsInstalled => File.Exists(Executable);

    /// <summary>Loads <paramref name="file"/> and returns the DOM chromium built from it, serialised.</summary>
    public static async Task<string> DumpDomAsync(string file)
    {
        ChromiumRun run = await RunAsync(["--dump-dom", new Uri(file).AbsoluteUri]);
        return run.StandardOutput;
    }

    /// <summary>Loads <paramref name="file"/> in a window of the given size and returns the PNG screenshot's bytes.</summary>
    public static async Task<byte[]> ScreenshotAsync(string file, int width, int height)
    {
        string png = Path.Combine(Path.GetTempPath(), $"akkarpc-report-{Guid.NewGuid():N}.png");
        try
        {
            ChromiumRun run = await RunAsync([$"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(file).AbsoluteUri]);
            Assert.True(File.Exists(png), $"chromium exited without writing {png}.\nstderr:\n{run.StandardError}");
            return await File.ReadAllBytesAsync(png);
        }
        finally
        {
            File.Delete(png);
        }
    }

    private static async Task<ChromiumRun> RunAsync(IEnumerable<string> arguments)
    {
        // A fresh profile per run: no state from other runs, and parallel tests do not share a lock.
        string profile = Directory.CreateTempSubdirectory("akkarpc-chromium-").FullName;
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] fixedArguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", $"--user-data-dir={profile}",
        ];
        foreach (string argument in fixedArguments.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(s_ceiling);
            string output = await stdout;
            lock (stderr)
            {
                Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}.\nstderr:\n{stderr}");
                return new ChromiumRun(output, stderr.ToString());
            }
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish within {s_ceiling}.\nstderr:\n{stderr}");
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helper processes may still hold a file for a moment; a leftover temp dir is harmless.
            }
        }
    }

    private sealed record ChromiumRun(string StandardOutput, string StandardError);
}
