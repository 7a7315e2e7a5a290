using System.Diagnostics;
using AkkaRpc.Client;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Issue item 2: a <c>WITH RECURSIVE</c> that never ends. With a 1 s statement limit it must be stopped with its own
/// error; another database is queried meanwhile; then <c>akkarpc stop</c> (the same call) is timed while a runaway
/// without a limit of its own runs.
/// </summary>
internal sealed class RunawayStatement : Attack
{
    private const string Endless = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s) SELECT count(*) FROM s";

    public override string Name => "runaway WITH RECURSIVE, then akkarpc stop";

    public override string Item => "2";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        await using var runaway = await context.ConnectAsync("runaway", cancellationToken).ConfigureAwait(false);
        var limited = Attempt.TimedAsync(
            async () => $"FINISHED ({(await runaway.QueryAsync(Endless, options: new RequestOptions(TimeSpan.FromSeconds(1)), cancellationToken: cancellationToken).ConfigureAwait(false)).Count} row)",
            cancellationToken);
        await using var other = await context.ConnectAsync("bystander", cancellationToken).ConfigureAwait(false);
        var bystander = await Attempt.TimedAsync(async () => $"{(await other.QueryAsync("SELECT 1", cancellationToken: cancellationToken).ConfigureAwait(false)).Count} row", cancellationToken).ConfigureAwait(false);
        var limitedOutcome = await limited.ConfigureAwait(false);

        // A runaway with the client's default limit, then a clean stop of the node.
        await using var second = await context.ConnectAsync("runaway2", cancellationToken).ConfigureAwait(false);
        var unbounded = Attempt.TimedAsync(async () => $"FINISHED ({(await second.QueryAsync(Endless, cancellationToken: cancellationToken).ConfigureAwait(false)).Count} row)", cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false); // let it start running on the node
        var clock = Stopwatch.StartNew();
        var stop = await Attempt.DescribeAsync(async () => $"stopped pid {string.Join(",", await AkkaRpcNodes.StopAsync("reliability suite", context.ClientOptions(), cancellationToken).ConfigureAwait(false))}", cancellationToken).ConfigureAwait(false);
        var exited = await context.Node.WaitForExitAsync(context.Profile.AttackBudget).ConfigureAwait(false);
        var stopTime = clock.Elapsed;
        var unboundedOutcome = await unbounded.ConfigureAwait(false);
        return new AttackObservation(
            $"with a 1 s limit: {limitedOutcome}; another database meanwhile: {bystander}; " +
            $"akkarpc stop during a runaway: {stop}, node {(exited ? "exited" : "STILL RUNNING")} after {Describe.Seconds(stopTime)}; that runaway: {unboundedOutcome}");
    }
}
