using System.Diagnostics;

namespace AkkaRpc.Client;

/// <summary>A node process this client started, and the log its output goes to.</summary>
internal sealed class SpawnedNode(Process process, string logFile) : IDisposable
{
    public string LogFile { get; } = logFile;

    /// <summary>The exit code if the process has ended (0: it lost the race for the lock to another node).</summary>
    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>The last lines of the log, for an error message.</summary>
    public string Tail(int lines = 15)
    {
        try
        {
            var all = File.ReadAllLines(LogFile);
            return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)).Select(l => "  " + l));
        }
        catch (IOException e)
        {
            return "  (log unreadable: " + e.Message + ")";
        }
    }

    public void Dispose() => process.Dispose();
}
