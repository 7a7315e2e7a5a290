using System.Diagnostics;
using System.Globalization;

namespace AkkaRpc.Client;

/// <summary>
/// Starts <c>akkarpc serve</c> detached: its own session (a Ctrl+C to the client's terminal does not reach it), stdin
/// from /dev/null, output appended to <c>node.log</c> in the runtime directory. The node holds a lock file, so when
/// several clients spawn at once all but one node exit quietly and every client finds the winner.
/// </summary>
internal static class NodeSpawner
{
    private static readonly string? s_setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    public static SpawnedNode Start(AkkaRpcClientOptions options, string runtimeDirectory, string? unixSocket)
    {
        var (fileName, prefix) = ClientPaths.ServerCommand(options);
        var logFile = Path.Combine(runtimeDirectory, ClientPaths.LogFileName);
        var arguments = new List<string>(prefix)
        {
            "serve",
            "--data-dir", ClientPaths.DataDirectory(options),
            "--node:lock-file=" + Path.Combine(runtimeDirectory, ClientPaths.LockFileName),
            "--node:idle-shutdown=" + Milliseconds(options.IdleShutdown),
        };
        // Its address carries the system name, and Akka.Remote drops what is addressed to any other: it must be ours.
        arguments.AddRange(["--system-name", options.SystemName]);
        if (unixSocket is not null)
        {
            arguments.AddRange(["--socket", unixSocket]);
        }

        if (options.TcpPortCount > 0)
        {
            arguments.AddRange(["--port", options.TcpPort.ToString(CultureInfo.InvariantCulture), "--remote:tcp:port-search=" + options.TcpPortCount.ToString(CultureInfo.InvariantCulture)]);
        }
        else
        {
            arguments.Add("--remote:tcp:enabled=false");
        }

        if (options.CookiePath is { } cookie)
        {
            arguments.Add("--remote:cookie-path=" + Path.GetFullPath(cookie));
        }

        return StartDetached(fileName, arguments, logFile);
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/> in its own session, stdin from /dev/null and
    /// its output appended to <paramref name="logFile"/>, so it outlives the process that started it.
    /// </summary>
    public static SpawnedNode StartDetached(string fileName, IReadOnlyList<string> arguments, string logFile)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };

        // The shell only sets up the redirections and the new session, then becomes the node (exec).
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add((s_setsid is null ? "exec" : "exec " + s_setsid) + " \"$0\" \"$@\" </dev/null >>\"$AKKARPC_NODE_LOG\" 2>&1");
        start.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AKKARPC_NODE_LOG"] = logFile;
        File.AppendAllText(logFile, $"--- {DateTimeOffset.Now:O} pid {Environment.ProcessId} starts: {fileName} {string.Join(' ', arguments)}{Environment.NewLine}");
        var process = Process.Start(start) ?? throw new NodeUnreachableException($"Could not start {fileName}.");
        return new SpawnedNode(process, logFile);
    }

    private static string Milliseconds(TimeSpan value) => ((long)Math.Ceiling(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
}
