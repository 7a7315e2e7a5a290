using Akka.Actor;

namespace AkkaRpc.Transport;

/// <summary>
/// The address a client-mode transport (<c>listen = off</c>) reports: unique per transport instance, so two client
/// systems in one process (or one restarted) never share it, and unreachable by construction (the reserved
/// <c>.invalid</c> domain), so nobody can associate to it; replies come back over the association the client opened.
/// </summary>
internal static class ClientAddress
{
    private const string Prefix = "client-";
    private const string Suffix = ".invalid";

    public static Address Create(string scheme, string systemName) =>
        new(scheme, systemName, Prefix + Guid.NewGuid().ToString("n") + Suffix, 0);

    public static bool IsClient(Address address) =>
        address.Host is { } host && host.StartsWith(Prefix, StringComparison.Ordinal) && host.EndsWith(Suffix, StringComparison.Ordinal);
}
