using Akka.Configuration;
using AkkaRpc.Bench.Remoting;
using AkkaRpc.Client;
using AkkaRpc.Hosting;

namespace AkkaRpc.Bench.Running;

/// <summary>
/// What the bench reads from its HOCON file (<c>hocon/bench.conf</c>) and <c>AKKARPC__</c> environment variables: the
/// sizes (<c>akkarpc.bench</c>), the databases of the in-process owner (<c>akkarpc.databases</c>), the cookie its AkkaRpc
/// clients, coordinator and workers authenticate with (<c>akkarpc.remote.cookie-path</c>) and the Akka.Remote transport
/// its coordinator and workers talk over (<c>akkarpc.bench.remote.transport</c>).
/// </summary>
/// <param name="Settings">The whole configuration (Akka's HOCON, with <c>akkarpc.*</c> and any <c>akka.*</c> keys).</param>
/// <param name="CookiePath">The cookie file; null for the client's default.</param>
/// <param name="Transport">The transport between coordinator and workers.</param>
internal sealed record BenchConfiguration(Config Settings, string? CookiePath, BenchTransport Transport)
{
    /// <summary>The bench's HOCON file next to the executable.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "hocon", "bench.conf");

    /// <summary>Gets the shipped defaults alone: no file, no environment.</summary>
    public static BenchConfiguration Defaults { get; } = From(AkkaRpcConfiguration.Reference);

    /// <summary>Reads <paramref name="path"/> (when it exists) under the environment's overrides.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range; the message names it.</exception>
    public static BenchConfiguration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return From(AkkaRpcConfiguration.Load(File.Exists(path) ? path : null));
    }

    private static BenchConfiguration From(Config configuration)
    {
        var remote = new SettingsReader(configuration, "akkarpc.remote");
        string? cookie = remote.String("cookie-path", "") is { Length: > 0 } path ? path : null;
        string transport = new SettingsReader(configuration, "akkarpc.bench.remote").String("transport", BenchTransport.RpcTcp);
        return new BenchConfiguration(configuration, cookie, BenchTransport.Create(transport, cookie, remote.Bool("allow-non-loopback", false)));
    }
}
