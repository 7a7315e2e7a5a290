namespace AkkaRpc.Remote.Tests;

public sealed class RemoteTransportOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var options = new RemoteTransportOptions();

        options.Validate();

        Assert.Equal(4 * 1024 * 1024, options.MaxFrameSize);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HandshakeTimeout);
        Assert.Equal(System.Net.IPAddress.Loopback, options.BindAddress);
        Assert.Equal(0, options.Port);
    }

    [Theory]
    [InlineData(nameof(RemoteTransportOptions.MaxFrameSize))]
    [InlineData(nameof(RemoteTransportOptions.MaxConnections))]
    [InlineData(nameof(RemoteTransportOptions.HandshakeTimeout))]
    [InlineData(nameof(RemoteTransportOptions.MaxQueuedBytesPerConnection))]
    [InlineData(nameof(RemoteTransportOptions.SystemName))]
    public void Validate_OutOfRange_NamesTheSetting(string setting)
    {
        var options = new RemoteTransportOptions();
        switch (setting)
        {
            case nameof(RemoteTransportOptions.MaxFrameSize): options.MaxFrameSize = 10; break;
            case nameof(RemoteTransportOptions.MaxConnections): options.MaxConnections = 0; break;
            case nameof(RemoteTransportOptions.HandshakeTimeout): options.HandshakeTimeout = TimeSpan.Zero; break;
            case nameof(RemoteTransportOptions.MaxQueuedBytesPerConnection): options.MaxQueuedBytesPerConnection = options.MaxMessageSize; break;
            default: options.SystemName = new string('x', 300); break;
        }

        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Equal(setting, error.ParamName);
    }
}
