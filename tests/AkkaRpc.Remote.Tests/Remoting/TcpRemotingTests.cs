using System.Net;
using System.Net.Sockets;
using AkkaRpc.Actors;

namespace AkkaRpc.Remote.Tests.Remoting;

public sealed class TcpRemotingTests : RemotingContractTests
{
    private readonly int _port = FreePort();

    protected override RemotingOptions ServerOptions(RemotingOptions options, int generation)
    {
        options.Transport.Port = _port; // Fixed, so a restarted node comes back at the same address.
        return options;
    }

    protected override Address AddressOf(AkkaRpc.Remote.Remoting server) => server.TcpAddress!;

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
