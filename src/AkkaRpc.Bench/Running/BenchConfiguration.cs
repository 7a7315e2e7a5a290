using Akka.Configuration;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Hosting;

namespace AkkaRpc.Bench.Running;

/// <summary>
/// What the bench reads from its HOCON file (<c>hocon/bench.conf</c>) and <c>AKKARPC__</c> environment variables: the
/// sizes (<c>akkarpc.bench</c>), the cookie its AkkaRpc clients authenticate with (<c>akkarpc.remote.cookie-path</c>) and
/// the Akka.Remote transport its coordinator and workers talk over (<c>akkarpc.bench.remote.transport</c>).
/// </summary>
/// <param name="Settings">The whole configuration (Akka's HOCON, with <c>akkarpc.*</c> and any <c>akka.*</c> keys).</param>
/// <param name="CookiePath">The cookie file; null for the client's default.</param>
/// <param name="RemoteTransport">The HOCON path of the transport between coordinator and workers.</param>
internal sealed record BenchConfiguration(Config Settings, string? CookiePath, string RemoteTransport)
{
    /// <summary>The bench's HOCON file next to the executable.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "hocon", "bench.conf");

    /// <summary>Reads <paramref name="path"/> (when it exists) under the environment's overrides.</summary>
    public static BenchConfiguration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var configuration = AkkaRpcConfiguration.Load(File.Exists(path) ? path : null);
        return new BenchConfiguration(
            configuration,
            configuration.GetString("akkarpc.remote.cookie-path", "") is { Length: > 0 } cookie ? cookie : null,
            configuration.GetString("akkarpc.bench.remote.transport", "") is { Length: > 0 } transport ? transport : BenchRemoting.DotNettyTcp);
    }
}
