using System.Globalization;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Issue item 1: pragmas and temp objects that reach other clients (hard_heap_limit, ignore_check_constraints,
/// max_page_count, a TEMP trigger on the shared connection); then another client's writes, here and in another
/// database, show whether any of them took effect.
/// </summary>
internal sealed class NodeWidePragmas : Attack
{
    public override string Name => "pragmas and temp trigger of one client";

    public override string Item => "1";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        await using var attacker = await context.ConnectAsync("shared", cancellationToken).ConfigureAwait(false);
        await attacker.ExecuteAsync("CREATE TABLE c (id INTEGER PRIMARY KEY, v INTEGER CHECK (v > 0))", cancellationToken: cancellationToken).ConfigureAwait(false);
        var attempts = new List<string>();
        foreach (var sql in new[]
        {
            "PRAGMA hard_heap_limit=1000000",
            "PRAGMA ignore_check_constraints=1",
            "PRAGMA max_page_count=1",
            "CREATE TEMP TRIGGER rewrite AFTER INSERT ON c BEGIN UPDATE c SET v = 999 WHERE id = new.id; END",
        })
        {
            var label = sql.Split(' ', 3)[1] == "TEMP" ? "temp trigger" : sql["PRAGMA ".Length..sql.IndexOf('=', StringComparison.Ordinal)];
            attempts.Add($"{label}: " + await Attempt.DescribeAsync(async () => { await attacker.ExecuteAsync(sql, cancellationToken: cancellationToken).ConfigureAwait(false); return "ACCEPTED"; }, cancellationToken).ConfigureAwait(false));
        }

        // Another client, on its own connection, in the same database and in another one.
        await using var victim = await context.ConnectAsync("shared", cancellationToken).ConfigureAwait(false);
        var acknowledged = 0;
        var checkHeld = await Attempt.DescribeAsync(async () => { await victim.ExecuteAsync("INSERT INTO c (v) VALUES (-1)", cancellationToken: cancellationToken).ConfigureAwait(false); acknowledged++; return "NO, a row breaking CHECK was stored"; }, cancellationToken).ConfigureAwait(false);
        var ownRow = await Attempt.DescribeAsync(
            async () =>
            {
                var id = (await victim.ExecuteAsync("INSERT INTO c (v) VALUES (5)", cancellationToken: cancellationToken).ConfigureAwait(false)).LastInsertRowId;
                acknowledged++;
                var v = Convert.ToInt64((await victim.QueryAsync("SELECT v FROM c WHERE id = $id", new { id }, cancellationToken: cancellationToken).ConfigureAwait(false)).Scalar(), CultureInfo.InvariantCulture);
                return v == 5 ? "stored as written" : $"REWRITTEN to {v}";
            },
            cancellationToken).ConfigureAwait(false);
        var other = await Attempt.DescribeAsync(
            async () =>
            {
                await using var elsewhere = await context.ConnectAsync("elsewhere", cancellationToken).ConfigureAwait(false);
                await elsewhere.ExecuteAsync("CREATE TABLE t (v BLOB)", cancellationToken: cancellationToken).ConfigureAwait(false);
                await elsewhere.ExecuteAsync("INSERT INTO t VALUES (zeroblob(2000000))", cancellationToken: cancellationToken).ConfigureAwait(false);
                return "ok";
            },
            cancellationToken).ConfigureAwait(false);
        return new AttackObservation(
            $"{string.Join("; ", attempts)} | other client: CHECK violation {checkHeld}; its valid row {ownRow}; a 2 MB row in another database: {other}",
            [new WriteTally("shared", "c", acknowledged)]);
    }
}
