using System.Globalization;
using Akka.Configuration;

namespace AkkaRpc.Client;

/// <summary>
/// Reads typed settings from one section of an Akka <see cref="Config"/>; a value that does not parse throws an error
/// naming its full HOCON path (<c>akkarpc.databases.max-lease</c>) and what was expected, so a typo never passes silently.
/// Missing keys and empty strings keep the caller's default.
/// </summary>
/// <param name="config">The whole configuration.</param>
/// <param name="section">The section's path, e.g. <c>akkarpc.databases</c>.</param>
internal sealed class SettingsReader(Config config, string section)
{
    public int Int(string key, int fallback, int min = int.MinValue) =>
        Read(key, fallback, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min ? v : null, $"an integer of at least {min}");

    public bool Bool(string key, bool fallback) =>
        Read(key, fallback, text => text.ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "ON" => true,
            "FALSE" or "NO" or "OFF" => false,
            _ => (bool?)null,
        }, "true or false (on/off, yes/no)");

    public string String(string key, string fallback) => Text(key) ?? fallback;

    public TimeSpan Duration(string key, TimeSpan fallback) =>
        Read(key, fallback, text => ParseDuration(text) is { } v && v >= TimeSpan.Zero ? v : null, "a duration such as 250ms, 10s or 2m");

    /// <summary>A duration where <c>off</c> (or 0) means none.</summary>
    public TimeSpan? OptionalDuration(string key, TimeSpan? fallback) =>
        Text(key) is not { } text ? fallback
        : text.Equals("off", StringComparison.OrdinalIgnoreCase) || text == "0" ? null
        : ParseDuration(text) is { } v && v > TimeSpan.Zero ? v
        : throw Invalid(key, text, "a duration such as 10m, or off");

    public long Size(string key, long fallback) =>
        Read(key, fallback, text => ParseSize(key) is { } v && v >= 0 ? v : null, "a size such as 64KiB or 16MiB");

    public TEnum Enum<TEnum>(string key, TEnum fallback)
        where TEnum : struct, Enum =>
        Read(key, fallback, text => System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var v) && System.Enum.IsDefined(v) ? v : null, "one of " + string.Join(", ", System.Enum.GetNames<TEnum>()));

    private string Path(string key) => section + "." + key;

    private string? Text(string key) => config.HasPath(Path(key)) && config.GetString(Path(key)) is { Length: > 0 } text ? text.Trim() : null;

    private T Read<T>(string key, T fallback, Func<string, T?> parse, string expected)
        where T : struct => Text(key) is not { } text ? fallback : parse(text) ?? throw Invalid(key, text, expected);

    private InvalidOperationException Invalid(string key, string text, string expected) =>
        new($"Configuration key '{Path(key)}' must be {expected}, not '{text}'.");

    // Akka's own readers, so a value means here what it means in akka.* settings (a bare number is milliseconds).
    private static TimeSpan? ParseDuration(string text)
    {
        try
        {
            return ConfigurationFactory.ParseString("v = " + Quote(text)).GetTimeSpan("v", null, allowInfinite: false);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or ConfigurationException)
        {
            return null;
        }
    }

    private long? ParseSize(string key)
    {
        try
        {
            return config.GetByteSize(Path(key));
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or ConfigurationException)
        {
            return null;
        }
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
