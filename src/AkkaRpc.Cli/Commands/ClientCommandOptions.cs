using System.CommandLine;
using AkkaRpc.Client;
using AkkaRpc.Hosting;

namespace AkkaRpc.Cli.Commands;

/// <summary>
/// The options every client command (<c>query</c>, <c>status</c>, <c>stop</c>) shares: where to look for a node and
/// whether to start one. Defaults come from <c>hocon/client.conf</c> next to the executable; flags override it.
/// </summary>
internal sealed class ClientCommandOptions
{
    private readonly Option<FileInfo> _config = new("--config") { Description = "Client HOCON file (default: hocon/client.conf next to the executable); its akkarpc.client section." };
    private readonly Option<string> _socket = new("--socket") { Description = "The node's Unix socket (default: node.sock in the runtime directory); 'off' to not look there." };
    private readonly Option<int?> _port = new("--port") { Description = "First TCP port to scan (akkarpc.client.tcp.port)." };
    private readonly Option<int?> _portCount = new("--port-count") { Description = "How many TCP ports to scan from --port; 0 for none (akkarpc.client.tcp.port-count)." };
    private readonly Option<string> _runtimeDir = new("--runtime-dir") { Description = "Runtime directory of the node's socket, lock and log (default: $AKKARPC_RUNTIME_DIR, $XDG_RUNTIME_DIR/akkarpc or /tmp/akkarpc-$USER)." };
    private readonly Option<DirectoryInfo> _dataDir = new("--data-dir") { Description = "Data directory for a node this command starts." };
    private readonly Option<bool> _noSpawn = new("--no-spawn") { Description = "Do not start a node when none answers; fail instead." };
    private readonly Option<string> _systemName = new("--system-name") { Description = "The node's actor system name, part of its address (default AkkaRpc, akkarpc.system-name)." };
    private readonly Option<string> _timeout = new("--timeout") { Description = "Request timeout, e.g. 500ms, 30s (akkarpc.client.request-timeout)." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_config);
        command.Options.Add(_socket);
        command.Options.Add(_port);
        command.Options.Add(_portCount);
        command.Options.Add(_runtimeDir);
        command.Options.Add(_dataDir);
        command.Options.Add(_noSpawn);
        command.Options.Add(_systemName);
        command.Options.Add(_timeout);
    }

    /// <summary>The client options, or null after writing why they are wrong (the caller exits with <see cref="ExitCodes.Usage"/>).</summary>
    public async Task<AkkaRpcClientOptions?> ReadOrReportAsync(ParseResult parseResult, bool spawn)
    {
        try
        {
            return Read(parseResult, spawn);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or Akka.Configuration.ConfigurationException)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
            return null;
        }
    }

    /// <summary>The client options of <paramref name="config"/>, or of <c>hocon/client.conf</c> next to the executable (the defaults if it is missing).</summary>
    /// <exception cref="IOException"><paramref name="config"/> was given and does not exist.</exception>
    public static AkkaRpcClientOptions Load(FileInfo? config)
    {
        var configPath = config?.FullName ?? Path.Combine(AppContext.BaseDirectory, "hocon", "client.conf");
        return File.Exists(configPath)
            ? AkkaRpcClientOptions.FromConfig(AkkaRpcConfiguration.Load(configPath))
            : config is null ? new AkkaRpcClientOptions() : throw new IOException($"The configuration file {configPath} does not exist.");
    }

    /// <summary>The client options: the config file's, then the flags over them.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="spawn">Whether this command may start a node at all (<c>status</c> and <c>stop</c> never do).</param>
    public AkkaRpcClientOptions Read(ParseResult parseResult, bool spawn)
    {
        var options = Load(parseResult.GetValue(_config));
        if (parseResult.GetValue(_socket) is { } socket)
        {
            options.UnixSocket = socket == "off" ? "" : Path.GetFullPath(socket);
        }

        options.TcpPort = parseResult.GetValue(_port) ?? options.TcpPort;
        options.TcpPortCount = parseResult.GetValue(_portCount) ?? (parseResult.GetValue(_port) is null ? options.TcpPortCount : Math.Max(options.TcpPortCount, 1));
        options.RuntimeDirectory = parseResult.GetValue(_runtimeDir) ?? options.RuntimeDirectory;
        options.DataDirectory = parseResult.GetValue(_dataDir)?.FullName ?? options.DataDirectory;
        options.AutoSpawn = spawn && !parseResult.GetValue(_noSpawn) && options.AutoSpawn;
        options.SystemName = parseResult.GetValue(_systemName) ?? options.SystemName;
        if (parseResult.GetValue(_timeout) is { } timeout)
        {
            options.RequestTimeout = DurationParser.TryParse(timeout, out var t) ? t : throw new ArgumentException($"--timeout '{timeout}' is not a duration such as 500ms or 30s.");
        }

        options.Validate();
        return options;
    }
}
