using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Hosting;

/// <summary>Reads <see cref="NodeOptions"/> from the <c>node</c> section (HOCON <c>akkarpc.node</c>).</summary>
public static class NodeOptionsReader
{
    /// <summary>Reads the options from <paramref name="configuration"/> (keys relative to the <c>akkarpc</c> root); a bad value throws naming its key.</summary>
    public static NodeOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var d = new NodeOptions();
        var s = new SettingsReader(configuration, "node");
        var options = d with
        {
            LockFile = s.String("lock-file", "") is { Length: > 0 } path ? Path.GetFullPath(path) : null,
            IdleShutdown = s.OptionalDuration("idle-shutdown", d.IdleShutdown),
        };
        options.Validate();
        return options;
    }
}
