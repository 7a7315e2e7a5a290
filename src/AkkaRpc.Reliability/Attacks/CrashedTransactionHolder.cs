using System.Diagnostics;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Issue item 6: a client process killed between <c>BeginTransaction</c> and commit; another client's write to the
/// same database is timed, and the dead holder's uncommitted row must be gone.
/// </summary>
internal sealed class CrashedTransactionHolder : Attack
{
    public override string Name => "client killed between Begin and Commit";

    public override string Item => "6";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        const string database = "locked";
        using var holder = Process.Start(NodeUnderAttack.Command(TransactionHolder.Arguments(context.Sandbox, database))) ?? throw new InvalidOperationException("Could not start the transaction holder.");
        var stderr = holder.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            using var ready = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ready.CancelAfter(TimeSpan.FromSeconds(30));
            var line = await holder.StandardOutput.ReadLineAsync(ready.Token).ConfigureAwait(false);
            if (line != TransactionHolder.HoldingLine)
            {
                await holder.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                return new AttackObservation($"the holder did not start its transaction: {line} {await stderr.ConfigureAwait(false)}".Trim());
            }
        }
        finally
        {
            holder.Kill();
            await holder.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await using var db = await context.ConnectAsync(database, cancellationToken).ConfigureAwait(false);
        var acknowledged = 0;
        var write = await Attempt.TimedAsync(
            async () =>
            {
                await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS after (v)", cancellationToken: cancellationToken).ConfigureAwait(false);
                await db.ExecuteAsync("INSERT INTO after VALUES (1)", cancellationToken: cancellationToken).ConfigureAwait(false);
                acknowledged = 1;
                return "acknowledged";
            },
            cancellationToken).ConfigureAwait(false);
        var held = await Attempt.DescribeAsync(async () => $"{(await db.QueryAsync("SELECT count(*) FROM held", cancellationToken: cancellationToken).ConfigureAwait(false)).Scalar()}", cancellationToken).ConfigureAwait(false);
        return new AttackObservation(
            $"holder SIGKILLed; another client's write: {write}; the holder's uncommitted rows present: {held}",
            [new WriteTally(database, "after", acknowledged)]);
    }
}
