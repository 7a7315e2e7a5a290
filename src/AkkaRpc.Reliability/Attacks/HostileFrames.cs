using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Bad handshakes and frames on the node's TCP port: garbage, a Hello with the wrong magic or version, a frame header
/// announcing 100 MB before authentication, and, from an authenticated client, a request over the 16 MiB frame limit.
/// </summary>
internal sealed class HostileFrames : Attack
{
    public override string Name => "bad handshakes, garbage and oversize frames";

    public override string Item => "held";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var node = context.Node.TcpAddress;
        var ceiling = TimeSpan.FromSeconds(10);
        var garbage = new byte[256];
        new Random(11).NextBytes(garbage);
        var oversize = RawPeer.Frame(RawPeer.Hello, new byte[16]);
        BitConverter.TryWriteBytes(oversize.AsSpan(0, 4), 100_000_000u);
        var results = new List<string>
        {
            "garbage: " + await RawPeer.SendAsync(node, garbage, ceiling, cancellationToken).ConfigureAwait(false),
            "bad magic: " + await RawPeer.SendAsync(node, RawPeer.Frame(RawPeer.Hello, RawPeer.HelloPayload("HTTP", 2)), ceiling, cancellationToken).ConfigureAwait(false),
            "version 99: " + await RawPeer.SendAsync(node, RawPeer.Frame(RawPeer.Hello, RawPeer.HelloPayload("AKRP", 99)), ceiling, cancellationToken).ConfigureAwait(false),
            "100 MB frame before authentication: " + await RawPeer.SendAsync(node, oversize, ceiling, cancellationToken).ConfigureAwait(false),
        };

        await using var db = await context.ConnectAsync("frames", cancellationToken).ConfigureAwait(false);
        var big = new string('x', 17 * 1024 * 1024);
        results.Add("17 MiB request: " + await Attempt.DescribeAsync(async () => $"accepted ({(await db.ExecuteAsync("SELECT length($v)", new { v = big }, cancellationToken: cancellationToken).ConfigureAwait(false)).RowsAffected})", cancellationToken).ConfigureAwait(false));
        results.Add("same client after it: " + await AttackContext.QueryOneAsync(db, cancellationToken).ConfigureAwait(false));
        return new AttackObservation(string.Join("; ", results));
    }
}
