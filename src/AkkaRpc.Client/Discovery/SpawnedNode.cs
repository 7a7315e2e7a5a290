using System.Diagnostics;

namespace AkkaRpc.Client;

/// <summary>A node process this client started, and the log its output goes to.</summary>
internal sealed class SpawnedNode(Process process, string logFile) : IDisposable
{
    public string LogFile { get; } = logFile;

    /// <summary>The process id (the shell that starts it execs into the node, so it is the node's own).</summary>
    public int ProcessId => process.Id;

    /// <summary>The exit code if the process has ended (0: it lost the race for the lock to another node).</summary>
    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>The last lines of the log, without stack frames, for an error message.</summary>
    public string Tail(int lines = 15)
    {
        try
        {
            var all = ReadEnd(LogFile).Split('\n').Where(l => l.Length > 0 && !l.TrimStart().StartsWith("at ", StringComparison.Ordinal) && !l.StartsWith("---", StringComparison.Ordinal)).ToArray();
            return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)).Select(l => "  " + l));
        }
        catch (IOException e)
        {
            return "  (log unreadable: " + e.Message + ")";
        }
    }

    public void Dispose() => process.Dispose();

    // The log is appended to by every node started in this runtime directory: read only its end.
    private static string ReadEnd(string path)
    {
        const int MaxTail = 64 * 1024;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(Math.Max(0, file.Length - MaxTail), SeekOrigin.Begin);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd();
    }
}
