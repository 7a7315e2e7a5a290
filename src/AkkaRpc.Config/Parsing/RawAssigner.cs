namespace AkkaRpc.Config;

/// <summary>Applies one field definition to an object with HOCON's duplicate-key rules.</summary>
/// <remarks>
/// An object over an object merges field by field; anything else replaces the earlier value. When the
/// new value holds a substitution its final type is unknown until resolution, so both definitions are
/// kept in a <see cref="RawMerge"/> (an optional substitution that resolves to nothing then leaves the
/// earlier value in place). A substitution of the field's own path (<c>path = ${path}":/x"</c>) means
/// the earlier value, so it is replaced by that value right here, where the earlier value is known.
/// </remarks>
internal static class RawAssigner
{
    /// <summary>Assigns <paramref name="value"/> at the dotted <paramref name="key"/> inside <paramref name="target"/>.</summary>
    /// <param name="target">The object the field is written in.</param>
    /// <param name="targetPath">The object's path from the root, or <see langword="null"/> when it has none (inside an array).</param>
    /// <param name="key">The keys of the field, one per dotted part.</param>
    /// <param name="value">The parsed value.</param>
    /// <param name="append">Whether the field was written with <c>+=</c>.</param>
    /// <param name="position">Where the field starts, for objects created by dotted keys.</param>
    public static void Assign(RawObject target, string[]? targetPath, string[] key, RawValue value, bool append, SourcePosition position)
    {
        RawObject owner = target;
        for (int i = 0; i < key.Length - 1; i++)
        {
            owner = ChildObject(owner, key[i], position);
        }

        string last = key[^1];
        string[]? fieldPath = targetPath is null ? null : [.. targetPath, .. key];
        if (append)
        {
            // "a += b" is "a = ${?a} [b]"; SetField binds the substitution to the earlier value if there is one.
            var array = new RawArray(value.Position, [value]);
            if (fieldPath is not null)
            {
                value = new RawConcatenation(value.Position, [new RawSubstitution(value.Position, fieldPath, optional: true), array]);
            }
            else
            {
                // Inside an array there is no path to refer to, so use the earlier value of this object directly.
                value = owner.Fields.TryGetValue(last, out RawValue? earlier)
                    ? new RawConcatenation(value.Position, [earlier, array])
                    : array;
            }
        }

        SetField(owner, last, value, fieldPath);
    }

    /// <summary>Merges every field of <paramref name="source"/> into <paramref name="target"/>, as if written there.</summary>
    public static void MergeInto(RawObject target, RawObject source, string[]? targetPath)
    {
        foreach ((string key, RawValue value) in source.Fields)
        {
            SetField(target, key, value, targetPath is null ? null : [.. targetPath, key]);
        }
    }

    private static void SetField(RawObject owner, string key, RawValue value, string[]? fieldPath)
    {
        if (!owner.Fields.TryGetValue(key, out RawValue? existing))
        {
            owner.Fields[key] = value;
            return;
        }

        if (value is RawObject newObject)
        {
            switch (existing)
            {
                case RawObject oldObject:
                    MergeInto(oldObject, newObject, fieldPath);
                    return;
                case RawMerge merge:
                    merge.Layers.Add(newObject);
                    return;
                case RawScalar or RawArray:
                    owner.Fields[key] = newObject;
                    return;
                default:
                    owner.Fields[key] = new RawMerge(existing.Position, [existing, newObject]);
                    return;
            }
        }

        bool bound = false;
        if (fieldPath is not null)
        {
            value = BindSelfReferences(value, fieldPath, existing, ref bound);
        }

        // A self-reference already carries the earlier value; other substitutions must wait to see their type.
        owner.Fields[key] = !bound && value.HasSubstitutions
            ? new RawMerge(existing.Position, existing is RawMerge m ? [.. m.Layers, value] : [existing, value])
            : value;
    }

    private static RawObject ChildObject(RawObject owner, string key, SourcePosition position)
    {
        if (owner.Fields.TryGetValue(key, out RawValue? existing))
        {
            switch (existing)
            {
                case RawObject obj:
                    return obj;
                case RawMerge { Layers: [.., RawObject last] }:
                    return last;
                case RawMerge merge:
                    var layer = new RawObject(position);
                    merge.Layers.Add(layer);
                    return layer;
                case RawSubstitution or RawConcatenation:
                    var over = new RawObject(position);
                    owner.Fields[key] = new RawMerge(existing.Position, [existing, over]);
                    return over;
            }
        }

        // Absent, or a scalar or array that a dotted key replaces with an object.
        var child = new RawObject(position);
        owner.Fields[key] = child;
        return child;
    }

    /// <summary>Replaces substitutions of <paramref name="path"/> in <paramref name="value"/> by <paramref name="earlier"/>.</summary>
    /// <remarks>Objects are not entered: a field inside them has its own path, and a reference to the parent from there is a cycle.</remarks>
    private static RawValue BindSelfReferences(RawValue value, string[] path, RawValue earlier, ref bool bound)
    {
        switch (value)
        {
            case RawSubstitution s when s.Path.AsSpan().SequenceEqual(path):
                bound = true;
                return earlier;
            case RawConcatenation c:
                var parts = new List<RawValue>(c.Parts.Count);
                foreach (RawValue part in c.Parts)
                {
                    parts.Add(BindSelfReferences(part, path, earlier, ref bound));
                }

                return new RawConcatenation(c.Position, parts);
            case RawArray a:
                var elements = new List<RawValue>(a.Elements.Count);
                foreach (RawValue element in a.Elements)
                {
                    elements.Add(BindSelfReferences(element, path, earlier, ref bound));
                }

                return new RawArray(a.Position, elements);
            default:
                return value;
        }
    }
}
