using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AkkaRpc.Cli.Tests.Compose;

/// <summary>
/// docker-compose.yml as compose would see it with no environment set: <c>${VAR:-default}</c> replaced by its
/// default, then read as YAML. (No compose engine is needed: `docker compose config` is not installed everywhere.)
/// </summary>
internal sealed partial class ComposeFile
{
    private readonly YamlMappingNode _services;

    private ComposeFile(YamlMappingNode root)
    {
        _services = (YamlMappingNode)root.Children[new YamlScalarNode("services")];
    }

    public IEnumerable<string> ServiceNames => _services.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!);

    public static ComposeFile Load(string path) => Parse(File.ReadAllText(path));

    public static ComposeFile Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Interpolate(text)));
        return new ComposeFile((YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>Compose's variable substitution with no variables set: defaults apply; one without a default is an error here.</summary>
    public static string Interpolate(string text) => Variable().Replace(text, match =>
        match.Groups["default"].Success
            ? match.Groups["default"].Value
            : throw new InvalidOperationException($"{match.Value} has no default: `docker compose up` with a clean environment would leave it empty."));

    /// <summary>The service's command as an argument list (compose splits a string command like a shell does, without quotes here).</summary>
    public IReadOnlyList<string>? Command(string service) => Node(service, "command") switch
    {
        null => null,
        YamlSequenceNode list => list.Children.Cast<YamlScalarNode>().Select(n => n.Value!).ToList(),
        YamlScalarNode line => line.Value!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        var other => throw new InvalidOperationException($"services.{service}.command is a {other.NodeType}."),
    };

    /// <summary>A scalar at a path under the service, e.g. ("bench-worker", "deploy", "replicas"); null if absent.</summary>
    public string? Scalar(string service, params string[] path) => (Node(service, path) as YamlScalarNode)?.Value;

    /// <summary>The entries of a list under the service (ports, volumes, depends_on), in short syntax; empty if absent.</summary>
    public IReadOnlyList<string> List(string service, string key) => Node(service, key) switch
    {
        null => [],
        YamlSequenceNode list => list.Children.Cast<YamlScalarNode>().Select(n => n.Value!).ToList(),
        var other => throw new InvalidOperationException($"services.{service}.{key} is a {other.NodeType}; these checks read the short list syntax."),
    };

    private YamlNode? Node(string service, params string[] path)
    {
        YamlNode node = _services.Children[new YamlScalarNode(service)];
        foreach (string key in path)
        {
            if (node is not YamlMappingNode mapping || Lookup(mapping, key) is not { } child)
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    // A key of the mapping itself, else of what it merges in with `<<: *anchor` (YAML merge keys, which compose reads and
    // docker-compose.yml uses for the members' shared definition); the mapping's own keys win.
    private static YamlNode? Lookup(YamlMappingNode mapping, string key)
    {
        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? child))
        {
            return child;
        }

        return mapping.Children.TryGetValue(new YamlScalarNode("<<"), out YamlNode? merged) ? merged switch
        {
            YamlMappingNode one => Lookup(one, key),
            YamlSequenceNode many => many.Children.OfType<YamlMappingNode>().Select(m => Lookup(m, key)).FirstOrDefault(n => n is not null),
            _ => null,
        } : null;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:-(?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}
