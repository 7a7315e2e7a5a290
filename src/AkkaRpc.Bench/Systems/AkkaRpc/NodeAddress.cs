using System.Globalization;

namespace AkkaRpc.Bench.Systems.AkkaRpc;

/// <summary>
/// A node's address as <c>akkarpc serve</c> prints it and <c>--node</c> takes it: <c>scheme://System@host:port</c> over
/// TCP (<c>akka.rpc.tcp://</c>, or <c>akka.tcp://</c> on Akka.Remote's stock transport), or a Unix socket path in place
/// of <c>host:port</c>, percent-encoded with port 0 (<c>akka.rpc.unix://AkkaRpc@%2Frun%2Fnode.sock:0</c>) or plain. The
/// schemes of the kernel AkkaRpc ran on before Akka.NET (<c>akkarpc.tcp://</c>, <c>akkarpc.unix://</c>) are still read.
/// </summary>
/// <param name="Scheme">The scheme, e.g. <c>akkarpc.tcp</c>, <c>akka.rpc.unix</c> or <c>akka.tcp</c>.</param>
/// <param name="SystemName">The actor system's name.</param>
/// <param name="Host">The TCP host; null for a Unix socket.</param>
/// <param name="Port">The TCP port; 0 for a Unix socket.</param>
/// <param name="SocketPath">The Unix socket's path; null over TCP.</param>
internal sealed record NodeAddress(string Scheme, string SystemName, string? Host, int Port, string? SocketPath)
{
    /// <summary>Parses <paramref name="text"/>, or throws a <see cref="FormatException"/> showing both forms.</summary>
    public static NodeAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string address = text.Trim().TrimEnd('/');
        int schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        int at = address.IndexOf('@', StringComparison.Ordinal);
        if (schemeEnd <= 0 || at < schemeEnd + 4 || at == address.Length - 1)
        {
            throw Invalid(text);
        }

        string scheme = address[..schemeEnd];
        string system = address[(schemeEnd + 3)..at];
        string rest = address[(at + 1)..];
        if (scheme.EndsWith(".unix", StringComparison.Ordinal))
        {
            // The transport helper owns the percent-encoding of socket paths into Akka hosts; this only reads it back.
            int colon = rest.LastIndexOf(':');
            string path = Uri.UnescapeDataString(rest.StartsWith('/') || colon < 0 ? rest : rest[..colon]);
            return path.StartsWith('/') ? new NodeAddress(scheme, system, null, 0, path) : throw Invalid(text);
        }

        int portColon = rest.LastIndexOf(':');
        if (portColon <= 0 || !int.TryParse(rest[(portColon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw Invalid(text);
        }

        return new NodeAddress(scheme, system, rest[..portColon].Trim('[', ']'), port, null);
    }

    private static FormatException Invalid(string text) => new(
        $"'{text}' is not a node address: write akka.rpc.tcp://System@host:port or akka.rpc.unix://System@/path/to.sock, " +
        "as akkarpc serve prints it (akka.tcp://System@host:port on Akka.Remote's stock transport).");
}
