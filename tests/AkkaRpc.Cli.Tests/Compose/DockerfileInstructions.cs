namespace AkkaRpc.Cli.Tests.Compose;

/// <summary>A Dockerfile's instructions, with comments dropped and backslash-continued lines joined.</summary>
internal sealed record DockerfileInstructions(IReadOnlyList<(string Keyword, string Arguments)> Instructions)
{
    public static DockerfileInstructions Load(string path)
    {
        var instructions = new List<(string, string)>();
        string pending = "";
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            string whole = (pending + line).Trim();
            pending = "";
            int space = whole.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add((whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim()));
        }

        return new DockerfileInstructions(instructions);
    }

    public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    /// <summary>The exec-form (JSON array) arguments of the last instruction of this kind, as Docker uses the last one.</summary>
    public IReadOnlyList<string> ExecForm(string keyword)
    {
        string arguments = All(keyword).Last();
        return System.Text.Json.JsonSerializer.Deserialize<string[]>(arguments)
            ?? throw new InvalidOperationException($"{keyword} {arguments} is not in exec form.");
    }
}
