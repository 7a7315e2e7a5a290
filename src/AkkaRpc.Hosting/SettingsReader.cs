using System.Globalization;
using AkkaRpc.Config;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Hosting;

/// <summary>
/// Reads typed settings from one configuration section; a value that does not parse throws an error naming its
/// HOCON path (<c>akkarpc.databases.max-lease</c>) and what was expected, so a typo never passes silently.
/// </summary>
internal sealed class SettingsReader(IConfiguration configuration, string sectionPath)
{
    private readonly IConfigurationSection _section = configuration.GetSection(sectionPath.Replace('.', ':'));

    public int Int(string key, int fallback, int min = int.MinValue) =>
        Read(key, fallback, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min ? v : null, $"an integer of at least {min}");

    public bool Bool(string key, bool fallback) =>
        Read(key, fallback, text => text.ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "ON" => true,
            "FALSE" or "NO" or "OFF" => false,
            _ => (bool?)null,
        }, "true or false");

    public string String(string key, string fallback) => _section[key] is { Length: > 0 } text ? text : fallback;

    public TimeSpan Duration(string key, TimeSpan fallback) =>
        Read(key, fallback, text => HoconDurations.TryParse(text, out var v) && v >= TimeSpan.Zero ? v : null, "a duration such as 250ms, 10s or 2m");

    /// <summary>A duration where <c>off</c> (or 0) means none.</summary>
    public TimeSpan? OptionalDuration(string key, TimeSpan? fallback) =>
        _section[key] is { Length: > 0 } text && (text.Equals("off", StringComparison.OrdinalIgnoreCase) || text == "0")
            ? null
            : ReadCore(key, fallback, text => HoconDurations.TryParse(text, out var v) && v > TimeSpan.Zero ? (true, (TimeSpan?)v) : (false, null), "a duration such as 10m, or off");

    public long Size(string key, long fallback) =>
        Read(key, fallback, text => HoconSizes.TryParse(text, out var v) && v >= 0 ? v : null, "a size such as 64KiB or 16MiB");

    public TEnum Enum<TEnum>(string key, TEnum fallback)
        where TEnum : struct, Enum =>
        Read(key, fallback, text => System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var v) && System.Enum.IsDefined(v) ? v : null, "one of " + string.Join(", ", System.Enum.GetNames<TEnum>()));

    private T Read<T>(string key, T fallback, Func<string, T?> parse, string expected)
        where T : struct => ReadCore(key, fallback, text => parse(text) is { } v ? (true, v) : (false, default), expected);

    private T ReadCore<T>(string key, T fallback, Func<string, (bool Ok, T Value)> parse, string expected)
    {
        if (_section[key] is not { Length: > 0 } text)
        {
            return fallback;
        }

        var (ok, value) = parse(text.Trim());
        return ok ? value : throw new InvalidOperationException(
            $"Configuration key 'akkarpc.{_section.Path.Replace(':', '.')}.{key}' must be {expected}, not '{text}'.");
    }
}
