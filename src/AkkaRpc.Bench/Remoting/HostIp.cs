using System.Net;
using System.Net.Sockets;

namespace AkkaRpc.Bench.Remoting;

/// <summary>
/// A host name turned into the IP it resolves to. AkkaRpc's transport is known by the address it binds, an IP (it has
/// no public host name, unlike DotNetty), and Akka.Remote drops a message addressed to any other name of the same
/// socket as meant for another system: so a coordinator or node given by name (<c>coordinator</c>, <c>node</c> in
/// compose) is addressed by its IP.
/// </summary>
internal static class HostIp
{
    /// <summary>Returns <paramref name="host"/> itself when it is an IP, else the first address it resolves to (IPv4 first).</summary>
    /// <remarks>Synchronous: it runs once, as a coordinator, worker or client system starts, never on a measured path.</remarks>
    /// <exception cref="IOException">The name does not resolve.</exception>
    public static IPAddress Resolve(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            return ip;
        }

        IPAddress[] resolved;
        try
        {
            resolved = Dns.GetHostAddresses(host);
        }
        catch (SocketException e)
        {
            throw new IOException($"The host name '{host}' does not resolve: {e.Message}", e);
        }

        return resolved.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? resolved.FirstOrDefault()
            ?? throw new IOException($"The host name '{host}' has no address.");
    }

    /// <summary>Returns <paramref name="ip"/> as an Akka address writes its host: IPv6 in brackets.</summary>
    public static string ToHost(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        return ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
    }
}
