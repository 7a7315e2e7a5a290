using Akka.Configuration;
using AkkaRpc.Transport.Connections;

namespace AkkaRpc.Transport.Tests;

/// <summary>The shipped defaults and the checks on configured limits.</summary>
public sealed class ConfigTests
{
    [Theory]
    [InlineData("rpc-tcp")]
    [InlineData("rpc-unix")]
    public void ReferenceConfig_EveryKeyHasAComment_AndTheDefaultsRead(string section)
    {
        string text = ReferenceText();
        int start = text.IndexOf(section + " {", StringComparison.Ordinal);
        string[] lines = text[start..text.IndexOf("\n  }", start, StringComparison.Ordinal)].Split('\n')[1..];
        string? previous = null;
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                Assert.True(previous is not null && previous.StartsWith('#'), $"key without a comment: {line}");
            }

            previous = line.Length == 0 ? null : line;
        }

        var settings = TransportSettings.Read(Config.Empty, "akka.remote." + section);
        Assert.Equal(16 * 1024 * 1024, settings.MaximumFrameSize);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.HandshakeTimeout);
        Assert.Equal(64, settings.MaxHandshakingConnections);
        Assert.Equal(1024, settings.MaxConnections);
        Assert.Equal(32L * 1024 * 1024, settings.MaxQueuedBytes);
        Assert.Equal(32, settings.MaxHandshakingPerSource);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.SilentTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.RefusalLogInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.PartialFrameTimeout);
        Assert.Equal(256L * 1024 * 1024, settings.MaxInboundBufferedBytes);
        Assert.True(settings.Listen);
    }

    [Theory]
    [InlineData("maximum-frame-size = 100b", "maximum-frame-size must be at least 1024")]
    [InlineData("max-queued-bytes = 1 KiB", "max-queued-bytes (1024) must be at least maximum-frame-size")]
    [InlineData("max-connections = 0", "max-connections must be at least 1")]
    [InlineData("max-handshaking-per-source = 0", "max-handshaking-per-source must be at least 1")]
    [InlineData("silent-timeout = 0s", "silent-timeout must be positive")]
    [InlineData("refusal-log-interval = 0s", "refusal-log-interval must be positive")]
    [InlineData("partial-frame-timeout = 0s", "partial-frame-timeout must be positive")]
    [InlineData("max-inbound-buffered-bytes = 1 MiB", "max-inbound-buffered-bytes (1048576) must be at least maximum-frame-size (16777216) plus its 5-byte header")]
    [InlineData("port = 70000", "port must be 0..65535")]
    [InlineData("port = 65535\nport-search = 2", "port-search must be at least 1")]
    public void OutOfRangeSetting_IsAConfigurationErrorNamingTheKey(string hocon, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => TransportSettings.Read(ConfigurationFactory.ParseString(hocon), "akka.remote.rpc-tcp"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static string ReferenceText()
    {
        using Stream stream = typeof(AkkaRpcTransportConfig).Assembly.GetManifestResourceStream("AkkaRpc.Transport.reference.conf")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
