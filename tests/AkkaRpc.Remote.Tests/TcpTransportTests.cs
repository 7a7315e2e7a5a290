using System.Net;
using System.Net.Sockets;

namespace AkkaRpc.Remote.Tests;

/// <summary>The transport contract over TCP on 127.0.0.1, plus TCP-only binding rules.</summary>
public sealed class TcpTransportTests : TransportContractTests
{
    protected override void UseTransport(RemoteTransportOptions options) => options.Port = 0;

    private protected override Socket BindRawListener()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(4);
        return socket;
    }

    [Fact]
    public async Task PortZero_ReportsTheBoundPort()
    {
        await using TransportListener listener = await StartListenerAsync();

        var endPoint = Assert.IsType<IPEndPoint>(listener.LocalEndPoint);
        Assert.Equal(IPAddress.Loopback, endPoint.Address);
        Assert.NotEqual(0, endPoint.Port);
    }

    [Fact]
    public async Task NonLoopbackBind_WithoutOptIn_Refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartListenerAsync(o => o.BindAddress = IPAddress.Any));

        Assert.Contains("AllowNonLoopbackBind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_NobodyListening_Unreachable()
    {
        int port;
        await using (TransportListener listener = await StartListenerAsync())
        {
            port = ((IPEndPoint)listener.LocalEndPoint).Port;
        }

        var error = await Assert.ThrowsAsync<RemoteTransportException>(() =>
            RemoteTransport.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), NewOptions("client"), Logs));

        Assert.Equal(TransportFailureKind.Unreachable, error.Kind);
        Assert.True(error.IsTransient);
    }
}
