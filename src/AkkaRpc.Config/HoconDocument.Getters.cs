using System.Globalization;

namespace AkkaRpc.Config;

/// <summary>Typed getters; each throws <see cref="HoconException"/> naming the path when it is missing or has the wrong type.</summary>
public sealed partial class HoconDocument
{
    /// <summary>Gets the value at a path.</summary>
    /// <param name="path">A HOCON path.</param>
    /// <returns>The value.</returns>
    /// <exception cref="HoconException">The path is missing.</exception>
    public HoconValue GetValue(string path) =>
        TryGetValue(path, out HoconValue? value) ? value : throw new HoconException($"configuration path '{path}' is missing");

    /// <summary>Gets a string; numbers and booleans are returned as written.</summary>
    /// <param name="path">A HOCON path.</param>
    /// <returns>The string.</returns>
    /// <exception cref="HoconException">The path is missing, or holds null, an object or an array.</exception>
    public string GetString(string path) => GetScalarText(path, "a string");

    /// <summary>Gets a 32-bit integer.</summary>
    /// <param name="path">A HOCON path.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HoconException">The path is missing or is not an integer in range.</exception>
    public int GetInt(string path) => Convert(path, "a 32-bit integer", static t => (int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v), v));

    /// <summary>Gets a 64-bit integer.</summary>
    /// <param name="path">A HOCON path.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HoconException">The path is missing or is not an integer in range.</exception>
    public long GetLong(string path) => Convert(path, "a 64-bit integer", static t => (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v), v));

    /// <summary>Gets a floating-point number.</summary>
    /// <param name="path">A HOCON path.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HoconException">The path is missing or is not a number.</exception>
    public double GetDouble(string path) => Convert(path, "a number", static t => (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v), v));

    /// <summary>Gets a boolean; <c>true</c>/<c>false</c>, and the strings <c>yes</c>/<c>no</c> and <c>on</c>/<c>off</c> as the specification allows.</summary>
    /// <param name="path">A HOCON path.</param>
    /// <returns>The boolean.</returns>
    /// <exception cref="HoconException">The path is missing or is not a boolean.</exception>
    public bool GetBoolean(string path) => Convert(path, "a boolean", static t => t switch
    {
        "true" or "yes" or "on" => (true, true),
        "false" or "no" or "off" => (true, false),
        _ => (false, false),
    });

    /// <summary>Gets a duration such as <c>250ms</c> or <c>10 seconds</c>; a bare number is milliseconds.</summary>
    /// <param name="path">A HOCON path.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="HoconException">The path is missing or is not a duration.</exception>
    /// <seealso cref="HoconDurations"/>
    public TimeSpan GetDuration(string path) => Convert(path, "a duration (such as 250ms or 10s)", static t => (HoconDurations.TryParse(t, out TimeSpan v), v));

    /// <summary>Gets a size in bytes such as <c>16MiB</c>; a bare number is bytes.</summary>
    /// <param name="path">A HOCON path.</param>
    /// <returns>The number of bytes.</returns>
    /// <exception cref="HoconException">The path is missing or is not a size.</exception>
    /// <seealso cref="HoconSizes"/>
    public long GetByteSize(string path) => Convert(path, "a size in bytes (such as 128KiB or 16MiB)", static t => (HoconSizes.TryParse(t, out long v), v));

    /// <summary>Gets an array of strings; numbers and booleans in it are returned as written.</summary>
    /// <param name="path">A HOCON path.</param>
    /// <returns>The strings, in order.</returns>
    /// <exception cref="HoconException">The path is missing, is not an array, or holds an element that is not a string, number or boolean.</exception>
    public IReadOnlyList<string> GetStringList(string path)
    {
        HoconValue value = GetValue(path);
        if (value is not HoconArray array)
        {
            throw WrongType(path, value, "a list of strings");
        }

        var strings = new string[array.Count];
        for (int i = 0; i < array.Count; i++)
        {
            strings[i] = array[i] is HoconScalar { Value: { } text }
                ? text
                : throw WrongType($"{path}[{i}]", array[i], "a string");
        }

        return strings;
    }

    private T Convert<T>(string path, string expected, Func<string, (bool Ok, T Value)> convert)
    {
        string text = GetScalarText(path, expected);
        (bool ok, T value) = convert(text);
        return ok ? value : throw WrongType(path, GetValue(path), expected);
    }

    private string GetScalarText(string path, string expected)
    {
        HoconValue value = GetValue(path);
        return value is HoconScalar { Value: { } text } ? text : throw WrongType(path, value, expected);
    }

    private static HoconException WrongType(string path, HoconValue value, string expected)
    {
        string found = value is HoconScalar scalar ? $"{scalar.Type.ToString().ToLowerInvariant()} '{scalar}'" : value.Type.ToString().ToLowerInvariant();
        return new HoconException($"configuration path '{path}' should be {expected}, but is {found}", value.Origin);
    }
}
