using System.Text;

namespace AkkaRpc.Config;

/// <summary>Turns the parsed <see cref="RawObject"/> tree into immutable values, resolving every substitution.</summary>
/// <remarks>
/// Substitutions are looked up in the whole merged document, so forward references work. Each raw node
/// is resolved at most once (results are memoized by node identity), and a node met again while it is
/// still being resolved is a cycle. Looking up a path walks raw objects without resolving them, so a
/// field may refer to a sibling (<c>a { b = 1, c = ${a.b} }</c>) without that counting as a cycle.
/// </remarks>
internal sealed class HoconResolver
{
    private readonly RawObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<RawValue, HoconValue?> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<RawValue> _active = new(ReferenceEqualityComparer.Instance);
    private readonly List<RawSubstitution> _substitutions = [];

    private HoconResolver(RawObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves a whole document.</summary>
    /// <exception cref="HoconException">A required substitution cannot be resolved, substitutions form a cycle, or a concatenation mixes types.</exception>
    public static HoconObject Resolve(RawObject root, Func<string, string?> environment) =>
        (HoconObject)new HoconResolver(root, environment).Resolve(root)!;

    /// <summary>Resolves one node; <see langword="null"/> means undefined (an optional substitution that found nothing).</summary>
    private HoconValue? Resolve(RawValue node)
    {
        if (_resolved.TryGetValue(node, out HoconValue? done))
        {
            return done;
        }

        _active.Add(node);
        HoconValue? result;
        try
        {
            result = node switch
            {
                RawObject obj => ResolveObject(obj),
                RawArray array => ResolveArray(array),
                RawScalar scalar => new HoconScalar(scalar.Position, scalar.Kind, scalar.Kind == HoconValueType.Null ? null : scalar.Text),
                RawSubstitution substitution => ResolveSubstitution(substitution),
                RawConcatenation concatenation => ResolveConcatenation(concatenation),
                RawMerge merge => ResolveMerge(merge),
                _ => throw new InvalidOperationException($"unknown node {node.GetType().Name}"),
            };
        }
        finally
        {
            _active.Remove(node);
        }

        _resolved[node] = result;
        return result;
    }

    private HoconObject ResolveObject(RawObject obj)
    {
        var fields = new OrderedDictionary<string, HoconValue>(obj.Fields.Count, StringComparer.Ordinal);
        foreach ((string key, RawValue raw) in obj.Fields)
        {
            if (Resolve(raw) is { } value)
            {
                fields[key] = value;
            }
        }

        return new HoconObject(obj.Position, fields);
    }

    private HoconArray ResolveArray(RawArray array)
    {
        var elements = new List<HoconValue>(array.Elements.Count);
        foreach (RawValue raw in array.Elements)
        {
            if (Resolve(raw) is { } value)
            {
                elements.Add(value);
            }
        }

        return new HoconArray(array.Position, [.. elements]);
    }

    private HoconValue? ResolveMerge(RawMerge merge)
    {
        HoconValue? result = null;
        foreach (RawValue layer in merge.Layers)
        {
            HoconValue? value = Resolve(layer);
            result = (result, value) switch
            {
                (_, null) => result,
                (HoconObject under, HoconObject over) => HoconObject.Merge(under, over),
                _ => value,
            };
        }

        return result;
    }

    private HoconValue? ResolveConcatenation(RawConcatenation concatenation)
    {
        var parts = new List<(RawValue Raw, HoconValue Value)>(concatenation.Parts.Count);
        foreach (RawValue raw in concatenation.Parts)
        {
            if (Resolve(raw) is { } value)
            {
                parts.Add((raw, value));
            }
        }

        // Whitespace only counts between two values that are actually there.
        while (parts.Count > 0 && parts[0].Raw is RawScalar { IsWhitespace: true })
        {
            parts.RemoveAt(0);
        }

        while (parts.Count > 0 && parts[^1].Raw is RawScalar { IsWhitespace: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.Count == 1)
        {
            return parts[0].Value;
        }

        if (parts.Any(p => p.Value is HoconObject or HoconArray))
        {
            return ConcatenateContainers(concatenation, parts.Where(p => p.Raw is not RawScalar { IsWhitespace: true }).Select(p => p.Value).ToList());
        }

        var text = new StringBuilder();
        foreach ((_, HoconValue value) in parts)
        {
            text.Append(((HoconScalar)value).ConcatenationText);
        }

        return HoconScalar.String(concatenation.Position, text.ToString());
    }

    private static HoconValue ConcatenateContainers(RawConcatenation concatenation, List<HoconValue> values)
    {
        if (values.All(v => v is HoconArray))
        {
            return new HoconArray(concatenation.Position, [.. values.Cast<HoconArray>().SelectMany(a => a)]);
        }

        if (values.All(v => v is HoconObject))
        {
            return values.Cast<HoconObject>().Aggregate(HoconObject.Merge);
        }

        string kinds = string.Join(", ", values.Select(v => v.Type.ToString().ToLowerInvariant()).Distinct());
        throw new HoconException($"cannot concatenate values of different kinds ({kinds}); only strings, only arrays or only objects can be joined", concatenation.Position);
    }

    private HoconValue? ResolveSubstitution(RawSubstitution substitution)
    {
        _substitutions.Add(substitution);
        try
        {
            (bool cycle, HoconValue? value) = Lookup(substitution.Path);
            // The root fallback of an included file's path is for paths the include point lacks, not for a
            // self-reference there that has no earlier value; that stays undefined (or an error) as anywhere else.
            if (value is null && !cycle && substitution.FallbackPath is { } fallbackPath)
            {
                (bool fallbackCycle, value) = Lookup(fallbackPath);
                cycle |= fallbackCycle;
            }

            if (value is not null)
            {
                return value;
            }

            // Not in the document (or only reachable through itself): the environment is the fallback.
            string name = string.Join('.', substitution.FallbackPath ?? substitution.Path);
            if (_environment(name) is { } fromEnvironment)
            {
                return HoconScalar.String(substitution.Position, fromEnvironment);
            }

            if (substitution.Optional)
            {
                return null;
            }

            if (cycle)
            {
                string chain = string.Join(" -> ", _substitutions.Select(s => s.ToString()));
                throw new HoconException($"substitution cycle: {chain} refers back to a value that is still being resolved", substitution.Position);
            }

            throw new HoconException($"could not resolve substitution {substitution}: the path is not in the configuration and there is no environment variable '{name}'", substitution.Position);
        }
        finally
        {
            _substitutions.RemoveAt(_substitutions.Count - 1);
        }
    }

    /// <summary>Finds the value at a path, resolving only the nodes on the way that are not plain objects.</summary>
    private (bool Cycle, HoconValue? Value) Lookup(string[] path)
    {
        RawValue? raw = _root;
        HoconValue? resolved = null;
        foreach (string key in path)
        {
            if (raw is RawObject obj)
            {
                if (!obj.Fields.TryGetValue(key, out raw))
                {
                    return (false, null);
                }

                continue;
            }

            if (raw is not null)
            {
                if (_active.Contains(raw))
                {
                    return (true, null);
                }

                resolved = Resolve(raw);
                raw = null;
            }

            if (resolved is not HoconObject resolvedObject || !resolvedObject.TryGetValue(key, out resolved))
            {
                return (false, null);
            }
        }

        if (raw is null)
        {
            return (false, resolved);
        }

        return _active.Contains(raw) ? (true, null) : (false, Resolve(raw));
    }
}
