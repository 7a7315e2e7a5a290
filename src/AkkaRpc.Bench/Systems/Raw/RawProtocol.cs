using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace AkkaRpc.Bench.Systems.Raw;

/// <summary>
/// The raw floor's wire: a 13-byte header (operation, a 64-bit argument, a 32-bit payload length) and the payload;
/// the answer is a 32-bit length and that many bytes. No codec, no correlation id: the least a request costs.
/// </summary>
internal static class RawProtocol
{
    /// <summary>Bytes of a request header.</summary>
    public const int HeaderSize = 13;

    /// <summary>Bytes of a request that stands for a small SQL request (about a point query on the wire).</summary>
    public const int SmallRequestSize = 64;

    /// <summary>Largest payload or answer either side accepts, so a bad peer cannot make the other allocate without bound.</summary>
    public const int MaxPayload = 64 * 1024 * 1024;

    /// <summary>Send the payload back.</summary>
    public const byte Echo = 1;

    /// <summary>Consume the payload; answer with nothing.</summary>
    public const byte Sink = 2;

    /// <summary>Answer with as many bytes as the argument says.</summary>
    public const byte Source = 3;

    /// <summary>Writes a request header into <paramref name="header"/>.</summary>
    public static void WriteHeader(Span<byte> header, byte operation, long argument, int payloadLength)
    {
        header[0] = operation;
        BinaryPrimitives.WriteInt64LittleEndian(header[1..], argument);
        BinaryPrimitives.WriteInt32LittleEndian(header[9..], payloadLength);
    }

    /// <summary>Parses <c>tcp://host:port</c> or <c>unix:/path</c>.</summary>
    public static EndPoint ParseAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            return new UnixDomainSocketEndPoint(address["unix:".Length..]);
        }

        if (address.StartsWith("tcp://", StringComparison.Ordinal))
        {
            var hostPort = address["tcp://".Length..];
            int colon = hostPort.LastIndexOf(':');
            if (colon > 0 && int.TryParse(hostPort[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out int port))
            {
                string host = hostPort[..colon];
                return IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, port) : new DnsEndPoint(host, port);
            }
        }

        throw new FormatException($"'{address}' is not a raw socket address: write tcp://host:port or unix:/path.");
    }
}
