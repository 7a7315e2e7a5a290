using AkkaRpc.Actors;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Hosting;

/// <summary>Reads <see cref="ActorSystemOptions"/> from the <c>actor</c> section (HOCON <c>akkarpc.actor</c>).</summary>
internal static class ActorSystemOptionsReader
{
    public static ActorSystemOptions Read(IConfiguration configuration, ActorSystemOptions defaults)
    {
        var actor = new SettingsReader(configuration, "actor");
        return defaults with
        {
            Throughput = actor.Int("throughput", defaults.Throughput, min: 1),
            DefaultAskTimeout = actor.Duration("ask-timeout", defaults.DefaultAskTimeout),
            LogDeadLetters = actor.Int("log-dead-letters", defaults.LogDeadLetters, min: 0),
        };
    }
}
