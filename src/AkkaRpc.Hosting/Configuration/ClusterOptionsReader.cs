using Akka.Configuration;
using AkkaRpc.Client;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting;

/// <summary>Reads <see cref="ClusterNodeOptions"/> from HOCON <c>akkarpc.cluster</c>.</summary>
public static class ClusterOptionsReader
{
    private const string Section = "akkarpc.cluster";

    /// <summary>Reads the options from <paramref name="config"/>; a bad value throws naming its key.</summary>
    /// <exception cref="InvalidOperationException">A value does not parse or is out of range.</exception>
    public static ClusterNodeOptions Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new ClusterNodeOptions();
        var s = new SettingsReader(config, Section);
        var options = d with
        {
            Enabled = s.Bool("enabled", d.Enabled),
            SeedNodes = List(config, "seed-nodes"),
            Roles = List(config, "roles"),
            DatabaseRole = s.String("database-role", "") is { Length: > 0 } role ? role : null,
            SplitBrainStrategy = s.String("split-brain-resolver.active-strategy", d.SplitBrainStrategy),
            StableAfter = s.Duration("split-brain-resolver.stable-after", d.StableAfter),
            HeartbeatInterval = s.Duration("failure-detector.heartbeat-interval", d.HeartbeatInterval),
            AcceptableHeartbeatPause = s.Duration("failure-detector.acceptable-heartbeat-pause", d.AcceptableHeartbeatPause),
            Shards = s.Int("shards", d.Shards, min: 1),
            Relay = new ShardedDatabasesOptions
            {
                ResolveTimeout = s.Duration("resolve-timeout", d.Relay.ResolveTimeout),
                ResolveRetry = s.Duration("resolve-retry", d.Relay.ResolveRetry),
            },
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        return options;
    }

    // A HOCON list, or (from a flag or an environment variable, which carry one string) a comma-separated one.
    private static string[] List(Config config, string key)
    {
        var path = Section + "." + key;
        if (!config.HasPath(path))
        {
            return [];
        }

        IEnumerable<string> items;
        string? text;
        try
        {
            // A flag or an environment variable carries one string.
            text = config.GetString(path, null);
        }
        catch (Exception e) when (e is ConfigurationException or InvalidOperationException or NullReferenceException)
        {
            text = null;
        }

        items = text is not null ? [text] : config.GetStringList(path) ?? [];
        items = items.SelectMany(i => i.Split(','));
        return items.Select(i => i.Trim()).Where(i => i.Length > 0).ToArray();
    }
}
