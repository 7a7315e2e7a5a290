using Akka.Configuration;
using Akka.Hosting;
using AkkaRpc.Client;

namespace AkkaRpc.Hosting.Tests;

/// <summary>
/// A test kit whose system is a whole node as <c>akkarpc serve</c> runs it (<c>WithAkkaRpcNode</c>), in a temporary
/// directory of its own, listening on a Unix socket there; the directory goes when the tests are done.
/// </summary>
/// <param name="name">A word for the directory's name, to tell the specs' leftovers apart.</param>
public abstract class NodeSpec(string name) : Akka.Hosting.TestKit.TestKit
{
    /// <summary>The node's directory: socket, cookie and data.</summary>
    protected string Dir { get; } = Directory.CreateTempSubdirectory($"akkarpc-{name}-").FullName;

    protected static TimeSpan Ceiling => TestTime.Seconds(15);

    protected string Socket => Path.Combine(Dir, "node.sock");

    /// <summary>A private client of this node, in a system of the test kit's name.</summary>
    protected AkkaRpcClientOptions ClientOptions => new()
    {
        UnixSocket = Socket,
        CookiePath = Path.Combine(Dir, "cookie"),
        AutoSpawn = false,
        PrivateConnection = true,
        RequestTimeout = Ceiling,
        SystemName = Sys.Name,
    };

    /// <summary>Command-line settings of the spec's own, after the directory's.</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>Settings in front of everything loaded, as an operator's file would be.</summary>
    protected virtual Config Overrides => Config.Empty;

    protected sealed override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) => builder
        .AddHocon("akka.test.timefactor = " + TestTime.Factor.ToString(System.Globalization.CultureInfo.InvariantCulture), HoconAddMode.Prepend)
        .WithAkkaRpcNode(Overrides.WithFallback(AkkaRpcConfiguration.Load(null,
        [
            "--remote:tcp:enabled=false",
            $"--remote:unix:socket={Socket}",
            $"--remote:cookie-path={Path.Combine(Dir, "cookie")}",
            $"--databases:data-dir={Path.Combine(Dir, "data")}",
            .. Settings,
        ])));

    protected override async Task AfterAllAsync()
    {
        await base.AfterAllAsync();
        Directory.Delete(Dir, recursive: true);
    }
}
