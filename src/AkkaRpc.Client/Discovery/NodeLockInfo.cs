using System.Diagnostics;
using System.Text.Json;

namespace AkkaRpc.Client;

/// <summary>
/// What a running node wrote beside its lock file (<c>node.json</c> in the runtime directory: its pid and addresses),
/// read to tell a node that is alive but unreachable (its socket file was removed) from no node at all. Without this a
/// client would start a node that loses the lock race and exits, and then wait out its whole spawn timeout.
/// </summary>
internal static class NodeLockInfo
{
    /// <summary>
    /// Says why no node answers at <paramref name="socket"/> although one runs: a live process holds the runtime
    /// directory's node lock (its <c>node.json</c> names it) while the socket file is missing. Null when the socket file
    /// exists, or no live node holds the lock.
    /// </summary>
    public static string? LiveNodeWithoutSocket(AkkaRpcClientOptions options, string? socket)
    {
        if (socket is null || File.Exists(socket) || options.ExplicitNode is not null)
        {
            return null;
        }

        var runtimeDirectory = ClientPaths.RuntimeDirectoryPath(options);
        var lockFile = Path.Combine(runtimeDirectory, ClientPaths.LockFileName);
        if (Read(Path.ChangeExtension(lockFile, ".json")) is not { } holder || !IsRunning(holder.Pid))
        {
            return null;
        }

        return $"A node holds the lock {lockFile} (pid {holder.Pid}) but its socket {socket} is missing: it was removed while the node ran. " +
            "A node re-creates it within its socket-check-interval; if it does not, stop that node (akkarpc stop cannot reach it: " +
            $"kill {holder.Pid}) and try again." +
            (holder.Addresses.Count > 0 ? " It listens at: " + string.Join(", ", holder.Addresses) : "");
    }

    private static (int Pid, IReadOnlyList<string> Addresses)? Read(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            var addresses = root.TryGetProperty("addresses", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(a => a.GetString() ?? "").ToList()
                : [];
            return root.TryGetProperty("pid", out var pid) && pid.TryGetInt32(out var id) ? (id, addresses) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // Missing (no node, or one that stopped cleanly removed it), or being replaced: nothing to tell.
            return null;
        }
    }

    private static bool IsRunning(int pid)
    {
        // A node killed hard leaves its node.json behind; its pid then names no process (or, rarely, a reused one).
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
