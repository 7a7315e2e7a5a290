using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Config;

/// <summary>Reads HOCON durations and sizes from any <see cref="IConfiguration"/>, whichever provider set the key.</summary>
public static class ConfigurationUnitExtensions
{
    /// <summary>Gets a duration such as <c>250ms</c> or <c>10 seconds</c>, or <paramref name="defaultValue"/> when the key is missing or empty.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="key">The key, such as <c>remote:handshake-timeout</c>.</param>
    /// <param name="defaultValue">The value when the key is not set.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">The key is set but is not a duration; the message names the key.</exception>
    public static TimeSpan GetDuration(this IConfiguration configuration, string key, TimeSpan defaultValue)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return HoconDurations.TryParse(text, out TimeSpan value)
            ? value
            : throw new FormatException($"Configuration key '{key}' is '{text}', which is not a duration; write a number and a unit such as 250ms, 10s, 2m, 1h or 1d.");
    }

    /// <summary>Gets a size in bytes such as <c>16MiB</c>, or <paramref name="defaultValue"/> when the key is missing or empty.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="key">The key, such as <c>remote:maximum-frame-size</c>.</param>
    /// <param name="defaultValue">The value when the key is not set.</param>
    /// <returns>The number of bytes.</returns>
    /// <exception cref="FormatException">The key is set but is not a size; the message names the key.</exception>
    public static long GetByteSize(this IConfiguration configuration, string key, long defaultValue)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return HoconSizes.TryParse(text, out long value)
            ? value
            : throw new FormatException($"Configuration key '{key}' is '{text}', which is not a size; write a number and a unit such as 512, 128KiB, 16MiB, 1GiB or 10kB.");
    }
}
