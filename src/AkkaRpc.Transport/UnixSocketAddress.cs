using System.Diagnostics.CodeAnalysis;
using System.Text;
using Akka.Actor;

namespace AkkaRpc.Transport;

/// <summary>
/// Turns a Unix socket path and a system name into an <c>akka.rpc.unix</c> address and back. Akka addresses need
/// <c>host:port</c> with no <c>/</c>, <c>:</c> or <c>@</c> in the host and lowercase the host, so the path is
/// percent-encoded with every byte outside <c>[a-z0-9._~-]</c> escaped (upper-case letters too) and the port is 0.
/// Parse such addresses with <see cref="ActorPath.TryParse(string, out ActorPath)"/> or
/// <see cref="Address.TryParse(string, out Address)"/>; <c>Address.Parse</c> goes through <see cref="Uri"/>, which refuses them.
/// </summary>
public static class UnixSocketAddress
{
    /// <summary>Returns the address of the system <paramref name="systemName"/> listening at <paramref name="socketPath"/>.</summary>
    public static Address ToAddress(string socketPath, string systemName)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        ArgumentException.ThrowIfNullOrEmpty(systemName);
        return new Address("akka." + RpcUnixTransport.Scheme, systemName, Encode(Path.GetFullPath(socketPath)), 0);
    }

    /// <summary>Returns the socket path an <c>akka.rpc.unix</c> (or <c>rpc.unix</c>) address names.</summary>
    /// <exception cref="ArgumentException">The address is not a listening Unix socket address.</exception>
    public static string GetSocketPath(Address address) =>
        TryGetSocketPath(address, out string? path)
            ? path
            : throw new ArgumentException($"{address} does not name a Unix socket (expected akka.{RpcUnixTransport.Scheme}://system@<encoded path>:0).", nameof(address));

    /// <summary>Gets the socket path an <c>akka.rpc.unix</c> (or <c>rpc.unix</c>) address names; false for any other address.</summary>
    public static bool TryGetSocketPath(Address address, [NotNullWhen(true)] out string? socketPath)
    {
        ArgumentNullException.ThrowIfNull(address);
        socketPath = null;
        if (address.Protocol is not ("akka." + RpcUnixTransport.Scheme or RpcUnixTransport.Scheme)
            || address.Host is null || ClientAddress.IsClient(address))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(address.Host);
        }
        catch (UriFormatException)
        {
            return false;
        }

        if (!decoded.StartsWith('/'))
        {
            return false;
        }

        socketPath = decoded;
        return true;
    }

    /// <summary>Percent-encodes a path so Akka's host rules and lowercasing leave it intact.</summary>
    internal static string Encode(string path)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(path);
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (byte b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'_' or (byte)'~' or (byte)'-')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
