using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Config;

/// <summary>Turns a resolved document into Microsoft.Extensions.Configuration's flat key-value form.</summary>
/// <remarks>
/// <c>a.b.c</c> becomes <c>a:b:c</c>; array elements become <c>key:0</c>, <c>key:1</c>; scalars keep the text
/// the user wrote (so <c>10s</c> stays <c>10s</c>); <c>null</c>, an empty object and an empty array become a
/// key with a null value, as the JSON provider does.
/// </remarks>
internal static class HoconFlattener
{
    /// <summary>Flattens the document, optionally only the subtree at <paramref name="rootPath"/>, with keys relative to it.</summary>
    /// <exception cref="HoconException">The value at <paramref name="rootPath"/> is not an object.</exception>
    public static Dictionary<string, string?> Flatten(HoconDocument document, string? rootPath)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        HoconValue start = document.Root;
        if (!string.IsNullOrEmpty(rootPath))
        {
            if (!document.TryGetValue(rootPath, out HoconValue? subtree))
            {
                return data;
            }

            start = subtree is HoconObject
                ? subtree
                : throw new HoconException($"the configuration root path '{rootPath}' should be an object, but is {subtree.Type.ToString().ToLowerInvariant()}", subtree.Origin);
        }

        Visit(start, null, data);
        return data;
    }

    private static void Visit(HoconValue value, string? key, Dictionary<string, string?> data)
    {
        switch (value)
        {
            case HoconObject { Count: 0 } or HoconArray { Count: 0 } when key is not null:
                data[key] = null;
                break;
            case HoconObject obj:
                foreach ((string name, HoconValue child) in obj)
                {
                    Visit(child, key is null ? name : $"{key}{ConfigurationPath.KeyDelimiter}{name}", data);
                }

                break;
            case HoconArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    Visit(array[i], $"{key}{ConfigurationPath.KeyDelimiter}{i}", data);
                }

                break;
            case HoconScalar scalar when key is not null:
                data[key] = scalar.Value;
                break;
        }
    }
}
