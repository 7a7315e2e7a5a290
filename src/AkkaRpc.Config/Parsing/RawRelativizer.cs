namespace AkkaRpc.Config;

/// <summary>Fixes up the substitutions of a file included below the root, as the specification's include semantics require.</summary>
/// <remarks>
/// In <c>a { include "foo.conf" }</c>, a <c>${x}</c> inside foo.conf means <c>${a.x}</c>. It is rewritten to look
/// there first and to fall back to <c>${x}</c> from the root, so an included file can still name absolute paths.
/// </remarks>
internal static class RawRelativizer
{
    /// <summary>Rewrites, in place, every substitution inside <paramref name="obj"/> to be relative to <paramref name="prefix"/>.</summary>
    public static void Relativize(RawObject obj, string[] prefix)
    {
        foreach (string key in obj.Fields.Keys.ToList())
        {
            obj.Fields[key] = Relativize(obj.Fields[key], prefix);
        }
    }

    private static RawValue Relativize(RawValue value, string[] prefix)
    {
        switch (value)
        {
            case RawSubstitution s:
                return new RawSubstitution(s.Position, [.. prefix, .. s.Path], s.Optional, fallbackPath: s.FallbackPath ?? s.Path);
            case RawObject o:
                Relativize(o, prefix);
                return o;
            case RawArray a:
                RelativizeAll(a.Elements, prefix);
                return a;
            case RawConcatenation c:
                RelativizeAll(c.Parts, prefix);
                return c;
            case RawMerge m:
                RelativizeAll(m.Layers, prefix);
                return m;
            default:
                return value;
        }
    }

    private static void RelativizeAll(List<RawValue> values, string[] prefix)
    {
        for (int i = 0; i < values.Count; i++)
        {
            values[i] = Relativize(values[i], prefix);
        }
    }
}
