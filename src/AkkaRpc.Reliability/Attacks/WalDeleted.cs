using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Issue item 7: an operator deletes a database's <c>-wal</c> file under a running node (after a checkpoint and a
/// write), five more inserts are acknowledged, then the node is SIGKILLed: all acknowledged rows must be there. Clients
/// may not force a checkpoint (the pragma is refused), so the checkpoint is a clean restart of the node, which
/// checkpoints the WAL as it closes the database.
/// </summary>
internal sealed class WalDeleted : Attack
{
    public override string Name => "-wal deleted, then SIGKILL";

    public override string Item => "7";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        const string database = "walled";
        await using var db = await context.ConnectAsync(database, cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync("CREATE TABLE t (v)", cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Node.Signal("TERM");
        var checkpoint = await context.Node.WaitForExitAsync(TimeSpan.FromSeconds(40)).ConfigureAwait(false) ? "clean stop" : "the node did not stop on SIGTERM, killed";
        await context.RestartAsync(cancellationToken).ConfigureAwait(false);
        var acknowledged = 0;
        await db.ExecuteAsync("INSERT INTO t VALUES (0)", cancellationToken: cancellationToken).ConfigureAwait(false);
        acknowledged++;
        var wal = context.Sandbox.DatabaseFile(database) + "-wal";
        var walExisted = File.Exists(wal);
        File.Delete(wal);
        var errors = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            var text = await Attempt.DescribeAsync(async () => { await db.ExecuteAsync("INSERT INTO t VALUES ($i)", new { i }, cancellationToken: cancellationToken).ConfigureAwait(false); return "ok"; }, cancellationToken).ConfigureAwait(false);
            if (text == "ok")
            {
                acknowledged++;
            }
            else
            {
                errors.Add(text);
            }
        }

        await context.Node.KillAsync().ConfigureAwait(false);
        return new AttackObservation(
            $"checkpoint by {checkpoint} and restart; -wal {(walExisted ? "deleted" : "was not there")}; {acknowledged - 1}/5 later inserts acknowledged" +
            (errors.Count > 0 ? $" ({errors.Distinct().First()})" : "") + "; node SIGKILLed",
            [new WriteTally(database, "t", acknowledged)]);
    }
}
