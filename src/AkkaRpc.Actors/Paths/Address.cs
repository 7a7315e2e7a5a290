namespace AkkaRpc.Actors;

/// <summary>
/// Where an actor system lives: <c>akkarpc://Sys</c> locally, <c>akkarpc.tcp://Sys@host:port</c> over TCP,
/// <c>akkarpc.unix://Sys@/path/to.sock</c> over a Unix socket.
/// </summary>
/// <param name="Protocol">The scheme, e.g. <c>akkarpc</c>, <c>akkarpc.tcp</c> or <c>akkarpc.unix</c>.</param>
/// <param name="System">The actor system's name.</param>
/// <param name="Host">Host name, IP address or Unix socket path; null for a local-only address.</param>
/// <param name="Port">TCP port; null for local and Unix socket addresses.</param>
public sealed record Address(string Protocol, string System, string? Host = null, int? Port = null)
{
    /// <summary>The scheme of in-process addresses.</summary>
    public const string LocalProtocol = "akkarpc";

    /// <summary>True when the address has no host, so it only means "this process".</summary>
    public bool HasLocalScope => Host is null;

    /// <inheritdoc />
    public override string ToString() =>
        Host is null ? $"{Protocol}://{System}"
        : Port is null ? $"{Protocol}://{System}@{Host}"
        : $"{Protocol}://{System}@{FormatHost(Host)}:{Port}";

    private static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}
