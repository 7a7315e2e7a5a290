using System.Globalization;

namespace AkkaRpc.Cli.Status;

/// <summary>Writes a <see cref="NodeView"/> as the lines <c>akkarpc status</c> prints.</summary>
internal static class StatusText
{
    /// <summary>Writes <paramref name="node"/>: the node, its addresses, then each member and its databases (a single node: its databases).</summary>
    public static async Task WriteAsync(NodeView node, TextWriter output, DateTimeOffset now)
    {
        await output.WriteLineAsync($"node {node.System}, pid {node.Pid}, up {Format(now - node.StartedAt)}, {node.Connections} connection(s), idle shutdown {(node.IdleShutdownSeconds is { } idle ? Format(TimeSpan.FromSeconds(idle)) : "off")}");
        foreach (var address in node.Addresses)
        {
            await output.WriteLineAsync($"  listening at {address}");
        }

        if (node.Members.Count <= 1)
        {
            await WriteDatabasesAsync(node.Databases, "  ", output);
            return;
        }

        await output.WriteLineAsync($"  cluster of {node.Members.Count} member(s):");
        var width = node.Members.Max(m => m.Address.Length);
        foreach (var member in node.Members.OrderBy(m => m.Address, StringComparer.Ordinal))
        {
            var roles = member.Roles.Count == 0 ? "-" : string.Join(",", member.Roles);
            await output.WriteLineAsync($"  {member.Address.PadRight(width)}  pid {(member.Pid is { } pid ? pid.ToString(CultureInfo.InvariantCulture) : "?"),-7}  {member.Status,-11}  roles {roles}");
            await WriteDatabasesAsync(member.Databases, "    ", output);
        }
    }

    private static async Task WriteDatabasesAsync(IReadOnlyList<DatabaseView> databases, string indent, TextWriter output)
    {
        if (databases.Count == 0)
        {
            await output.WriteLineAsync($"{indent}no databases open");
            return;
        }

        var width = Math.Max("database".Length, databases.Max(d => d.Name.Length));
        await output.WriteLineAsync($"{indent}{"database".PadRight(width)}  {"state",-11}  queued");
        foreach (var database in databases.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var failure = database.LastFailure is { } last ? "  last failure: " + last : "";
            await output.WriteLineAsync($"{indent}{database.Name.PadRight(width)}  {database.State,-11}  {database.Queued,6}{failure}");
        }
    }

    private static string Format(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\hmm\m", CultureInfo.InvariantCulture)
        : span.TotalMinutes >= 1 ? span.ToString(@"m\mss\s", CultureInfo.InvariantCulture) : $"{span.TotalSeconds:0.#}s";
}
