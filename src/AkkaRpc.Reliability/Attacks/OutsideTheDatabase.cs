using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>SQL that reaches outside its database file (ATTACH, VACUUM INTO, load_extension): refused unless configured.</summary>
internal sealed class OutsideTheDatabase : Attack
{
    public override string Name => "ATTACH / VACUUM INTO / load_extension";

    public override string Item => "held";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var outside = Path.Combine(context.Sandbox.RuntimeDirectory, "outside.db");
        await using var db = await context.ConnectAsync("escape", cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync("CREATE TABLE t (v)", cancellationToken: cancellationToken).ConfigureAwait(false);
        var attach = await Attempt.DescribeAsync(async () => { await db.ExecuteAsync($"ATTACH DATABASE '{outside}' AS o", cancellationToken: cancellationToken).ConfigureAwait(false); return "ACCEPTED"; }, cancellationToken).ConfigureAwait(false);
        var vacuum = await Attempt.DescribeAsync(async () => { await db.ExecuteAsync($"VACUUM INTO '{outside}'", cancellationToken: cancellationToken).ConfigureAwait(false); return "ACCEPTED"; }, cancellationToken).ConfigureAwait(false);
        var extension = await Attempt.DescribeAsync(async () => { await db.QueryAsync("SELECT load_extension('/lib/x86_64-linux-gnu/libm.so.6')", cancellationToken: cancellationToken).ConfigureAwait(false); return "ACCEPTED"; }, cancellationToken).ConfigureAwait(false);
        return new AttackObservation($"ATTACH: {attach}; VACUUM INTO: {vacuum}; load_extension: {extension}; file outside written: {(File.Exists(outside) ? "YES" : "no")}");
    }
}
