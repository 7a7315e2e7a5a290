using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>A database file whose header is garbage: a clear error for that database, nothing for the others.</summary>
internal sealed class CorruptDatabaseFile : Attack
{
    public override string Name => "corrupt database header";

    public override string Item => "held";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(context.Sandbox.DatabaseFile("corrupt"), garbage, cancellationToken).ConfigureAwait(false);
        var outcome = await Attempt.TimedAsync(
            async () =>
            {
                await using var db = await context.ConnectAsync("corrupt", cancellationToken).ConfigureAwait(false);
                return $"ANSWERED ({(await db.QueryAsync("SELECT count(*) FROM sqlite_master", cancellationToken: cancellationToken).ConfigureAwait(false)).Scalar()} objects)";
            },
            cancellationToken).ConfigureAwait(false);
        return new AttackObservation("query on a database with a garbage header: " + outcome);
    }
}
