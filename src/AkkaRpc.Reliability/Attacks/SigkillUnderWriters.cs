using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>SIGKILL of the node while four writers insert as fast as it answers: every acknowledged insert must survive.</summary>
internal sealed class SigkillUnderWriters : Attack
{
    public override string Name => "SIGKILL under 4 writers";

    public override string Item => "held";

    public override int HonestWriters => 4;

    public override TimeSpan WriterPacing => TimeSpan.Zero;

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        // The writers run from the suite; the attack lets them write for a while, then kills the node under them.
        await Task.Delay(context.Profile.KillAfter, cancellationToken).ConfigureAwait(false);
        await context.Node.KillAsync().ConfigureAwait(false);
        return new AttackObservation($"node SIGKILLed after {Describe.Seconds(context.Profile.KillAfter)} of writes");
    }
}
