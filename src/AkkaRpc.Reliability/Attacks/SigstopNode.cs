using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// SIGSTOP of the node for a while, then SIGCONT: a request sent during the pause and a new one from the same client
/// after it show whether clients carry on by themselves (issue item 11 for the 25 s pause).
/// </summary>
internal sealed class SigstopNode(TimeSpan pause) : Attack
{
    public override string Name => $"SIGSTOP {pause.TotalSeconds:0} s";

    public override string Item => pause >= TimeSpan.FromSeconds(20) ? "11" : "held";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var database = $"paused{pause.TotalSeconds:0}";
        await using var db = await context.ConnectAsync(database, cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync("CREATE TABLE t (v)", cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Node.Signal("STOP");
        string during;
        try
        {
            var inFlight = Attempt.TimedAsync(async () => $"acknowledged ({(await db.ExecuteAsync("INSERT INTO t VALUES (1)", cancellationToken: cancellationToken).ConfigureAwait(false)).RowsAffected} row)", cancellationToken);
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            context.Node.Signal("CONT");
            during = await inFlight.ConfigureAwait(false);
        }
        finally
        {
            context.Node.Signal("CONT");
        }

        var after = await Attempt.TimedAsync(async () => $"acknowledged ({(await db.ExecuteAsync("INSERT INTO t VALUES (2)", cancellationToken: cancellationToken).ConfigureAwait(false)).RowsAffected} row)", cancellationToken).ConfigureAwait(false);
        var acknowledged = (during.StartsWith("acknowledged", StringComparison.Ordinal) ? 1 : 0) + (after.StartsWith("acknowledged", StringComparison.Ordinal) ? 1 : 0);
        return new AttackObservation(
            $"insert sent during the pause: {during}; same client's next insert after resume: {after}",
            [new WriteTally(database, "t", acknowledged)]);
    }
}
