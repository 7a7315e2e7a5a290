using Akka.Configuration;
using AkkaRpc.Client;

namespace AkkaRpc.Hosting;

/// <summary>Reads <see cref="NodeOptions"/> from HOCON <c>akkarpc.node</c> .</summary>
public static class NodeOptionsReader
{
    /// <summary>Reads the options from <paramref name="config"/>; a bad value throws naming its key.</summary>
    public static NodeOptions Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new NodeOptions();
        var s = new SettingsReader(config, "akkarpc.node");
        var options = d with
        {
            LockFile = s.String("lock-file", "") is { Length: > 0 } path ? Path.GetFullPath(path) : null,
            IdleShutdown = s.OptionalDuration("idle-shutdown", d.IdleShutdown),
            SocketCheckInterval = s.OptionalDuration("socket-check-interval", d.SocketCheckInterval),
        };
        options.Validate();
        return options;
    }
}
