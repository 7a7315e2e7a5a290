using System.CommandLine;
using AkkaRpc.Cli.Commands;
using AkkaRpc.Client;

namespace AkkaRpc.Cli.Cluster;

/// <summary>
/// The options <c>cluster start</c> and <c>cluster stop</c> share: the client config (cookie, system name, data and
/// runtime directories) and the runtime directory where the members are recorded, which clients look in.
/// </summary>
internal sealed class SharedOptions
{
    private readonly Option<FileInfo> _config = new("--config") { Description = "Client HOCON file (default: hocon/client.conf next to the executable): its cookie-path, system-name, data-dir and runtime-dir." };
    private readonly Option<string> _runtimeDir = new("--runtime-dir") { Description = "Runtime directory where cluster.json and the members' logs go (default: $AKKARPC_RUNTIME_DIR, $XDG_RUNTIME_DIR/akkarpc or /tmp/akkarpc-$USER), where clients look." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_config);
        command.Options.Add(_runtimeDir);
    }

    /// <summary>The client options with the flags over them, or null after writing why they are wrong.</summary>
    public async Task<AkkaRpcClientOptions?> ReadOrReportAsync(ParseResult parseResult)
    {
        try
        {
            var options = ClientCommandOptions.Load(parseResult.GetValue(_config));
            options.RuntimeDirectory = parseResult.GetValue(_runtimeDir) ?? options.RuntimeDirectory;
            options.Validate();
            return options;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or Akka.Configuration.ConfigurationException)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
            return null;
        }
    }
}
