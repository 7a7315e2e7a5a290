using Akka.Actor;
using AkkaRpc.Protocol;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Issue item 10: one client opens more cursors than its share and never fetches them; another client's large query
/// (which needs a cursor of its own) runs while they are open, and again once the first client's connection is gone.
/// </summary>
internal sealed class UnfetchedCursors : Attack
{
    private const int Rows = 2500; // over one chunk of 1,000 rows, so every such query opens a cursor

    public override string Name => "cursors opened and never fetched";

    public override string Item => "10";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        await using var honest = await context.ConnectAsync("cursors", cancellationToken).ConfigureAwait(false);
        await honest.ExecuteAsync("CREATE TABLE big (v)", cancellationToken: cancellationToken).ConfigureAwait(false);
        await honest.ExecuteAsync($"INSERT INTO big WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {Rows}) SELECT i FROM s", cancellationToken: cancellationToken).ConfigureAwait(false);

        var attacker = context.RawSystem("cursor-hog");
        var owner = await context.ResolveOwnerAsync(attacker, "cursors", cancellationToken).ConfigureAwait(false);
        int open = 0, refusedCount = 0;
        string? refusal = null;
        for (var i = 0; i < context.Profile.UnfetchedCursors + 4; i++)
        {
            var reply = await owner.Ask<DatabaseReply>(new Query("SELECT v FROM big"), TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            if (reply is QueryResult { HasMore: true })
            {
                open++;
            }
            else
            {
                refusedCount++;
                refusal ??= Describe.Reply(reply);
            }
        }

        async Task<string> LargeQueryAsync() =>
            await Attempt.TimedAsync(async () => $"{(await honest.QueryAsync("SELECT v FROM big", cancellationToken: cancellationToken).ConfigureAwait(false)).Count} rows", cancellationToken).ConfigureAwait(false);
        var during = await LargeQueryAsync().ConfigureAwait(false);
        await attacker.Terminate().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        var after = await LargeQueryAsync().ConfigureAwait(false);
        return new AttackObservation(
            $"one client left {open} cursors open, {refusedCount} more refused{(refusal is null ? "" : $" ({refusal})")}; " +
            $"another client's {Rows}-row query meanwhile: {during}; after the first client left: {after}");
    }
}
