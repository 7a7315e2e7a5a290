using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using AkkaRpc.Transport.Tests.Support;
using Xunit.Abstractions;

namespace AkkaRpc.Transport.Tests;

/// <summary>How rpc.tcp binds: loopback by default, port 0, port search, and the non-loopback opt-in.</summary>
public sealed class TcpBindingTests(ITestOutputHelper output) : TransportTestKit(TransportKind.Tcp, output)
{
    private RpcTcpTransport NewTransport(string section) => new(Sys, Kind.TransportConfig(Dir, "t", section));

    [Fact]
    public void PortZero_TheExtensionReportsTheRealPort()
    {
        (_, Address address) = StartNode();

        Assert.Equal("akka.rpc.tcp", address.Protocol);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
    }

    [Fact]
    public async Task PortSearch_FirstPortTaken_BindsTheNextFreeOne()
    {
        (IDisposable taken, int port) = TakeTwoConsecutivePorts();
        try
        {
            RpcTcpTransport transport = NewTransport($"port = {port}\nport-search = 3");

            (Address address, _) = await transport.Listen();

            Assert.Equal(port + 1, address.Port);
            await transport.Shutdown();
        }
        finally
        {
            taken.Dispose();
        }
    }

    [Fact]
    public async Task PortSearch_EveryPortTaken_ErrorNamesTheRange()
    {
        (IDisposable taken, int port) = TakeTwoConsecutivePorts(takeBoth: true);
        try
        {
            RpcTcpTransport transport = NewTransport($"port = {port}\nport-search = 2");

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => transport.Listen());

            Assert.Contains($"Every port from {port} to {port + 1} on 127.0.0.1 is taken", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            taken.Dispose();
        }
    }

    [Fact]
    public async Task NonLoopbackBind_WithoutOptIn_Refused()
    {
        RpcTcpTransport transport = NewTransport("hostname = \"0.0.0.0\"");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => transport.Listen());

        Assert.Contains("allow-non-loopback = on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonLoopbackBind_WithOptIn_Binds()
    {
        RpcTcpTransport transport = NewTransport("hostname = \"0.0.0.0\"\nallow-non-loopback = on");

        (Address address, _) = await transport.Listen();

        Assert.Equal("0.0.0.0", address.Host);
        await transport.Shutdown();
    }

    [Fact]
    public async Task PublicHostname_IsTheAddressItAnswersTo_WhileItBindsAnother()
    {
        // A container binds every interface but is reached by its service name: its address must carry that name.
        RpcTcpTransport transport = NewTransport("hostname = \"0.0.0.0\"\nallow-non-loopback = on\npublic-hostname = \"node\"");

        (Address address, _) = await transport.Listen();

        Assert.Equal("node", address.Host);
        Assert.NotEqual(0, address.Port);
        await transport.Shutdown();
    }

    /// <summary>Holds port P (and P+1 when <paramref name="takeBoth"/>, else P+1 is free): a stand-in for other nodes.</summary>
    private static (IDisposable Held, int Port) TakeTwoConsecutivePorts(bool takeBoth = false)
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            first.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            first.Listen();
            int port = ((IPEndPoint)first.LocalEndPoint!).Port;
            var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                second.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
                if (takeBoth)
                {
                    second.Listen();
                    return (new Held(first, second), port);
                }

                second.Dispose();
                return (first, port);
            }
            catch (SocketException)
            {
                second.Dispose();
                first.Dispose();
            }
        }

        throw new InvalidOperationException("No two consecutive free ports on loopback.");
    }

    private sealed class Held(Socket first, Socket second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
