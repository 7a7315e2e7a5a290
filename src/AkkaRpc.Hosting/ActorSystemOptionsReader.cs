using AkkaRpc.Actors;
using AkkaRpc.Config;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Hosting;

/// <summary>Reads <see cref="ActorSystemOptions"/> from the <c>actor</c> section (HOCON <c>akkarpc.actor</c>).</summary>
internal static class ActorSystemOptionsReader
{
    public static ActorSystemOptions Read(IConfiguration configuration, ActorSystemOptions defaults)
    {
        var section = configuration.GetSection("actor");
        return defaults with
        {
            Throughput = ReadInt(section, "throughput", defaults.Throughput, min: 1),
            DefaultAskTimeout = section.GetDuration("ask-timeout", defaults.DefaultAskTimeout),
            LogDeadLetters = ReadInt(section, "log-dead-letters", defaults.LogDeadLetters, min: 0),
        };
    }

    private static int ReadInt(IConfiguration section, string key, int fallback, int min)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new InvalidOperationException($"Configuration key 'akkarpc.actor.{key}' must be an integer of at least {min}, not '{text}'.");
        }

        return value;
    }
}
