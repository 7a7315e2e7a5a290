using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;

namespace AkkaRpc.Transport.Connections;

/// <summary>What differs between loopback TCP and Unix sockets: binding, addresses, and the peer check.</summary>
internal abstract class SocketFamily
{
    public abstract string Scheme { get; }

    /// <summary>Binds and listens per the settings; returns the socket, its address and what to release at the end.</summary>
    public abstract (Socket Socket, Address Address, IDisposable? Claim) Bind(TransportSettings settings, string systemName, ILoggingAdapter log);

    /// <summary>Maps an address (already known to be ours) to the endpoint to connect to.</summary>
    public abstract Task<EndPoint> ToEndPointAsync(Address address);

    public abstract Socket NewClientSocket(EndPoint endPoint);

    /// <summary>Returns null if the peer at the other end of a connected socket may proceed, else why not.</summary>
    public abstract string? CheckPeer(Socket socket);

    /// <summary>Names where an accepted connection comes from, for the per-source share of the handshake slots.</summary>
    public abstract string SourceOf(Socket socket);
}

/// <summary>TCP, on loopback unless <c>allow-non-loopback = on</c>.</summary>
internal sealed class TcpFamily : SocketFamily
{
    public override string Scheme => RpcTcpTransport.Scheme;

    public override (Socket Socket, Address Address, IDisposable? Claim) Bind(TransportSettings settings, string systemName, ILoggingAdapter log)
    {
        IPAddress ip = ParseHost(settings.Hostname)
            ?? throw new InvalidOperationException($"hostname '{settings.Hostname}' is not an IP address; the rpc.tcp transport binds an address, not a name.");
        if (!IPAddress.IsLoopback(ip) && !settings.AllowNonLoopback)
        {
            throw new InvalidOperationException(
                $"Binding {ip} would let other machines reach this node. Set allow-non-loopback = on to do that on purpose.");
        }

        int last = settings.Port == 0 ? 0 : settings.Port + settings.PortSearch - 1;
        for (int port = settings.Port; port <= last; port++)
        {
            var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(ip, port));
                socket.Listen(settings.Backlog);
                int bound = ((IPEndPoint)socket.LocalEndPoint!).Port;
                string host = settings.PublicHostname ?? (ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString());
                return (socket, new Address(Scheme, systemName, host, bound), null);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse && port < last)
            {
                socket.Dispose();
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                socket.Dispose();
                throw new InvalidOperationException(
                    settings.PortSearch == 1
                        ? $"Port {settings.Port} on {ip} is taken."
                        : $"Every port from {settings.Port} to {last} on {ip} is taken (port-search = {settings.PortSearch}).",
                    ex);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new InvalidOperationException("unreachable: the port range is never empty");
    }

    public override async Task<EndPoint> ToEndPointAsync(Address address)
    {
        string host = address.Host ?? throw new ArgumentException($"{address} has no host");
        int port = address.Port ?? throw new ArgumentException($"{address} has no port");
        IPAddress? ip = ParseHost(host);
        if (ip is null)
        {
            IPAddress[] resolved = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
            ip = resolved.FirstOrDefault(IPAddress.IsLoopback) ?? resolved.FirstOrDefault()
                ?? throw new ArgumentException($"{host} does not resolve to an address");
        }

        return new IPEndPoint(ip, port);
    }

    public override Socket NewClientSocket(EndPoint endPoint) => new(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);

    public override string? CheckPeer(Socket socket) => null;

    // Every loopback client shares 127.0.0.1, so on loopback this is one source; silent-timeout and taking a silent
    // peer's slot are what keep a local flood from starving local clients.
    public override string SourceOf(Socket socket)
    {
        try
        {
            return socket.RemoteEndPoint is IPEndPoint ip ? ip.Address.ToString() : "unknown";
        }
        catch (SocketException)
        {
            return "unknown";
        }
    }

    private static IPAddress? ParseHost(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? ip) ? ip : host == "localhost" ? IPAddress.Loopback : null;
}

/// <summary>Unix domain sockets: a 0600 socket file in a 0700 directory, and a peer that must be our own user.</summary>
internal sealed class UnixFamily : SocketFamily
{
    public override string Scheme => RpcUnixTransport.Scheme;

    public override (Socket Socket, Address Address, IDisposable? Claim) Bind(TransportSettings settings, string systemName, ILoggingAdapter log)
    {
        string path = settings.SocketPath
            ?? throw new InvalidOperationException("The rpc.unix transport listens but has no socket-path; set socket-path, or listen = off for a client.");
        UnixSocketFile claimed = UnixSocketFile.Claim(path, log);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(claimed.Path));
            claimed.Secure();
            socket.Listen(settings.Backlog);
            return (socket, new Address(Scheme, systemName, UnixSocketAddress.Encode(claimed.Path), 0), claimed);
        }
        catch
        {
            socket.Dispose();
            claimed.Dispose();
            throw;
        }
    }

    public override Task<EndPoint> ToEndPointAsync(Address address) =>
        Task.FromResult<EndPoint>(new UnixDomainSocketEndPoint(UnixSocketAddress.GetSocketPath(address)));

    public override Socket NewClientSocket(EndPoint endPoint) => new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

    public override string? CheckPeer(Socket socket) => PeerCredentials.CheckSameUser(socket);

    // The uid is always ours (CheckPeer), so the peer process is what tells sources apart.
    public override string SourceOf(Socket socket) => PeerCredentials.PeerPid(socket) is { } pid ? $"pid {pid}" : "unknown";
}
