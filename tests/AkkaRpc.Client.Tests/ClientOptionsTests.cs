using Akka.Configuration;
using AkkaRpc.Hosting;

namespace AkkaRpc.Client.Tests;

public sealed class ClientOptionsTests
{
    private static readonly string ShippedConfig = Path.Combine(FindRepositoryRoot(), "hocon", "client.conf");

    [Fact]
    public void TheShippedClientConf_GivesTheDefaults()
    {
        var options = AkkaRpcClientOptions.FromConfig(Load(ShippedConfig));
        var defaults = new AkkaRpcClientOptions();

        Assert.Null(options.UnixSocket);
        Assert.Equal(defaults.TcpPort, options.TcpPort);
        Assert.Equal(defaults.TcpPortCount, options.TcpPortCount);
        Assert.Equal(defaults.AutoSpawn, options.AutoSpawn);
        Assert.Equal(defaults.SpawnTimeout, options.SpawnTimeout);
        Assert.Equal(defaults.IdleShutdown, options.IdleShutdown);
        Assert.Equal(defaults.RequestTimeout, options.RequestTimeout);
        Assert.Equal(defaults.ConnectTimeout, options.ConnectTimeout);
        Assert.Equal("AkkaRpc", options.SystemName);
    }

    [Fact]
    public void Settings_OverrideTheDefaults()
    {
        var options = AkkaRpcClientOptions.FromConfig(LoadText("""
            akkarpc {
              system-name = "Orders"
              remote.cookie-path = "/tmp/c"
              client {
                unix-socket = off
                tcp { host = "localhost", port = 5000, port-count = 3 }
                auto-spawn = off
                request-timeout = 750ms
                idle-shutdown = 2m
              }
            }
            """));

        Assert.Equal("", options.UnixSocket);
        Assert.Equal(("localhost", 5000, 3), (options.TcpHost, options.TcpPort, options.TcpPortCount));
        Assert.False(options.AutoSpawn);
        Assert.Equal(TimeSpan.FromMilliseconds(750), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.IdleShutdown);
        Assert.Equal("Orders", options.SystemName);
        Assert.Equal("/tmp/c", options.CookiePath);
    }

    [Theory]
    [InlineData("client.request-timeout = soon", "client.request-timeout")]
    [InlineData("client.tcp.port = eighty", "client.tcp.port")]
    [InlineData("client.auto-spawn = maybe", "client.auto-spawn")]
    [InlineData("client { unix-socket = off, tcp.port-count = 0 }", "No endpoint")]
    [InlineData("client { tcp.port = 65530, tcp.port-count = 10 }", "tcp.port")]
    [InlineData("client.spawn-timeout = 0s", "client.spawn-timeout")]
    public void ABadSetting_NamesItsKey(string hocon, string expected)
    {
        var error = Assert.ThrowsAny<Exception>(() => AkkaRpcClientOptions.FromConfig(LoadText("akkarpc { " + hocon + " }")));

        Assert.True(error is ArgumentException or InvalidOperationException, error.ToString());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static Config LoadText(string hocon) => ConfigurationFactory.ParseString(hocon);

    private static Config Load(string path) => AkkaRpcConfiguration.ParseFile(path);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AkkaRpc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AkkaRpc.sln not found above the test directory.");
    }
}
