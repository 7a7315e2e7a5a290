using System.Diagnostics;
using AkkaRpc.Client;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Issue item 8: <c>rm node.sock</c> under a running node. Whether the node re-creates it, what a new client and
/// <c>akkarpc status</c> say, and whether a client already connected keeps working.
/// </summary>
internal sealed class SocketRemoved : Attack
{
    public override string Name => "rm node.sock";

    public override string Item => "8";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        await using var connected = await context.ConnectAsync("sock", cancellationToken).ConfigureAwait(false);
        File.Delete(context.Sandbox.Socket);

        // Give the node a bounded while to notice and re-create its socket.
        var wait = Stopwatch.StartNew();
        var ceiling = context.Profile.SocketWait;
        while (!File.Exists(context.Sandbox.Socket) && wait.Elapsed < ceiling)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        var recreated = File.Exists(context.Sandbox.Socket) ? $"re-created after {Describe.Seconds(wait.Elapsed)}" : $"NOT re-created within {Describe.Seconds(ceiling)}";
        var fresh = await context.FreshClientAsync("sock2", cancellationToken).ConfigureAwait(false);
        var status = await Attempt.DescribeAsync(async () => $"{(await AkkaRpcNodes.StatusAsync(context.ClientOptions(), cancellationToken).ConfigureAwait(false)).Count} node(s)", cancellationToken).ConfigureAwait(false);
        var old = await AttackContext.QueryOneAsync(connected, cancellationToken).ConfigureAwait(false);
        return new AttackObservation($"socket {recreated}; new client: {fresh}; status: {status}; client connected before: {old}");
    }
}
