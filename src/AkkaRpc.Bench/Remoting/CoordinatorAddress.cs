using System.Globalization;
using Akka.Actor;

namespace AkkaRpc.Bench.Remoting;

/// <summary>Reads <c>bench-worker --coordinator</c>: the address the coordinator printed, <c>scheme://System@host:port</c>.</summary>
internal static class CoordinatorAddress
{
    /// <summary>The scheme of AkkaRpc's own kernel, which workers were given before the move to Akka.Remote.</summary>
    public const string LegacyScheme = "akkarpc.tcp";

    /// <summary>
    /// Parses <paramref name="text"/> for a worker whose transport speaks <paramref name="protocol"/> (e.g. <c>akka.tcp</c>).
    /// The old <c>akkarpc.tcp://</c> form means "the bench's TCP transport" and is read as <paramref name="protocol"/>.
    /// </summary>
    /// <exception cref="FormatException">Not an address, or one this worker's transport cannot reach; the message shows the right form.</exception>
    public static Address Parse(string text, string protocol)
    {
        ArgumentNullException.ThrowIfNull(text);
        string example = $"{protocol}://{BenchActorSystems.CoordinatorSystemName}@host:4100";
        string address = text.Trim().TrimEnd('/');
        int schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        int at = address.IndexOf('@', StringComparison.Ordinal);
        int colon = address.LastIndexOf(':');
        if (schemeEnd <= 0 || at <= schemeEnd + 3 || colon <= at + 1
            || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new FormatException($"'{text}' is not a coordinator address: write {example}, as the coordinator prints it.");
        }

        string scheme = address[..schemeEnd];
        if (scheme != protocol && scheme != LegacyScheme)
        {
            throw new FormatException(
                $"'{text}' uses {scheme}://, but this worker's transport speaks {protocol}:// (akkarpc.bench.remote.transport): write {example}.");
        }

        return new Address(protocol, address[(schemeEnd + 3)..at], address[(at + 1)..colon], port);
    }
}
