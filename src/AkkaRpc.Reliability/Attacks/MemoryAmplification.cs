using System.Diagnostics;
using Akka.Actor;
using AkkaRpc.Protocol;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Issue item 4: an Execute carrying a huge count of NULL parameters (the node's memory read from /proc around it),
/// and a <c>SELECT zeroblob(...)</c> whose reply is over the frame limit (how long the client waits, and for what).
/// </summary>
internal sealed class MemoryAmplification : Attack
{
    public override string Name => "huge parameter count, zeroblob reply";

    public override string Item => "4";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var system = context.RawSystem("amplifier");
        var owner = await context.ResolveOwnerAsync(system, "amplified", cancellationToken).ConfigureAwait(false);
        var before = context.Node.ResidentMiB() ?? 0;
        var peak = before;
        var parameters = SqlParameters.Positional(Enumerable.Repeat(SqlValue.Null, context.Profile.PositionalParameters).ToArray());
        var ask = Attempt.TimedAsync(
            async () => Describe.Reply(await owner.Ask<DatabaseReply>(new Execute("SELECT 1", parameters), context.Profile.RequestTimeout, cancellationToken).ConfigureAwait(false)),
            cancellationToken);
        // Sample the node's memory until the reply comes (bounded by the request's own timeout).
        while (!ask.IsCompleted)
        {
            peak = Math.Max(peak, context.Node.ResidentMiB() ?? 0);
            await Task.WhenAny(ask, Task.Delay(50, cancellationToken)).ConfigureAwait(false);
        }

        var paramsOutcome = await ask.ConfigureAwait(false);

        await using var db = await context.ConnectAsync("amplified", cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var zeroblob = await Attempt.TimedAsync(
            async () => $"{(await db.QueryAsync($"SELECT zeroblob({context.Profile.ZeroblobBytes})", cancellationToken: cancellationToken).ConfigureAwait(false)).Count} row",
            cancellationToken).ConfigureAwait(false);
        var after = await AttackContext.QueryOneAsync(db, cancellationToken).ConfigureAwait(false);
        return new AttackObservation(
            $"Execute with {context.Profile.PositionalParameters:N0} NULL parameters: {paramsOutcome}, node memory {before:0} -> peak {peak:0} MiB; " +
            $"SELECT zeroblob({context.Profile.ZeroblobBytes:N0}): {zeroblob}; same client after: {after}");
    }
}
