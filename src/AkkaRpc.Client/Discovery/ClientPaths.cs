namespace AkkaRpc.Client;

/// <summary>The per-user places a client uses when the options leave them open: runtime directory, data directory, server executable.</summary>
internal static class ClientPaths
{
    public const string SocketFileName = "node.sock";
    public const string LockFileName = "node.lock";
    public const string LogFileName = "node.log";

    /// <summary>The runtime directory, created 0700 if missing.</summary>
    public static string RuntimeDirectory(AkkaRpcClientOptions options)
    {
        var dir = RuntimeDirectoryPath(options);
        if (!Directory.Exists(dir))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                // Only its user may enter: the socket, lock and log of that user's node live here.
                Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return dir;
    }

    /// <summary>Where the runtime directory is, without creating it.</summary>
    public static string RuntimeDirectoryPath(AkkaRpcClientOptions options) => Path.GetFullPath(
        options.RuntimeDirectory
        ?? (Environment.GetEnvironmentVariable("AKKARPC_RUNTIME_DIR") is { Length: > 0 } env ? env
        : Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } xdg ? Path.Combine(xdg, "akkarpc")
        : Path.Combine(Path.GetTempPath(), "akkarpc-" + Environment.UserName)));

    /// <summary>The node's Unix socket, or null when the options turn the socket off.</summary>
    public static string? UnixSocket(AkkaRpcClientOptions options) => options.UnixSocket switch
    {
        "" => null,
        null => Path.Combine(RuntimeDirectory(options), SocketFileName),
        var path => Path.GetFullPath(path),
    };

    /// <summary>The data directory a spawned node serves.</summary>
    public static string DataDirectory(AkkaRpcClientOptions options) => Path.GetFullPath(
        options.DataDirectory
        ?? (Environment.GetEnvironmentVariable("AKKARPC_DATA_DIR") is { Length: > 0 } env ? env
        : Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "akkarpc")
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "akkarpc")));

    /// <summary>The executable to spawn and the arguments that come before <c>serve</c> (the dll, when run through dotnet).</summary>
    public static (string FileName, string[] Prefix) ServerCommand(AkkaRpcClientOptions options)
    {
        var configured = options.ServerExecutable ?? (Environment.GetEnvironmentVariable("AKKARPC_SERVER") is { Length: > 0 } env ? env : null);
        if (configured is not null)
        {
            return ForFile(Path.GetFullPath(configured));
        }

        var beside = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "akkarpc.exe" : "akkarpc");
        if (File.Exists(beside))
        {
            return (beside, []);
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "akkarpc.dll");
        if (File.Exists(dll))
        {
            return ForFile(dll);
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "akkarpc");
            if (File.Exists(candidate))
            {
                return (candidate, []);
            }
        }

        throw new NodeUnreachableException(
            "No node answered and the akkarpc executable to start one was not found (not next to this program, not on the PATH). " +
            "Install akkarpc, set AKKARPC_SERVER or AkkaRpcClientOptions.ServerExecutable, or start a node with 'akkarpc serve'.");
    }

    private static (string, string[]) ForFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new NodeUnreachableException($"The akkarpc executable {path} (AKKARPC_SERVER / ServerExecutable) does not exist.");
        }

        return path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", [path])
            : (path, []);
    }
}
