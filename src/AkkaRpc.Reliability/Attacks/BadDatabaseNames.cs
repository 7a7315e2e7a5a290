using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>Database names that try to leave the data directory or break the file system: each must be refused by name.</summary>
internal sealed class BadDatabaseNames : Attack
{
    private static readonly string[] Names = ["../escape", "a/b", "/etc/passwd", "", ".", "..", "nul\0byte", new string('x', 300)];

    public override string Name => "bad database names";

    public override string Item => "held";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var accepted = new List<string>();
        var errors = new List<string>();
        foreach (var name in Names)
        {
            var text = await Attempt.DescribeAsync(
                async () =>
                {
                    await using var db = await context.ConnectAsync(name, cancellationToken).ConfigureAwait(false);
                    await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS t (v)", cancellationToken: cancellationToken).ConfigureAwait(false);
                    return "ACCEPTED";
                },
                cancellationToken).ConfigureAwait(false);
            (text == "ACCEPTED" ? accepted : errors).Add(text == "ACCEPTED" ? Printable(name) : text);
        }

        var escaped = File.Exists(Path.Combine(context.Sandbox.RuntimeDirectory, "..", "escape.db"));
        return new AttackObservation(
            $"{errors.Count}/{Names.Length} refused ({string.Join(" | ", errors.Distinct().Take(3))})" +
            (accepted.Count > 0 ? $"; ACCEPTED: {string.Join(", ", accepted)}" : "") +
            (escaped ? "; a file was created outside the data directory" : ""));
    }

    private static string Printable(string name) => name.Length > 20 ? name[..20] + "…" : name.Replace("\0", "\\0", StringComparison.Ordinal);
}
