using Akka.Configuration;
using Akka.Configuration.Hocon;
using Akka.Hosting;
using Akka.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Hosting;

/// <summary>
/// The one way AkkaRpc composes its configuration, all of it read by Akka's HOCON parser: command-line flags, then
/// <c>AKKARPC__</c> environment variables, then the HOCON file, then the shipped reference (<c>hocon/akkarpc.conf</c>).
/// </summary>
/// <remarks>
/// Flags and environment variables name keys below <c>akkarpc</c> (<c>--databases:data-dir=/srv</c>,
/// <c>AKKARPC__DATABASES__DATA-DIR=/srv</c>); keys under <c>akka</c> (<c>--akka:loglevel=DEBUG</c>) set Akka's own
/// settings. They pass through Microsoft.Extensions.Configuration and Akka.Hosting's adapter into HOCON.
/// </remarks>
public static class AkkaRpcConfiguration
{
    /// <summary>The prefix of environment variables that override HOCON keys (<c>AKKARPC__DATABASES__DATA-DIR=/srv</c>).</summary>
    public const string EnvironmentPrefix = "AKKARPC__";

    /// <summary>
    /// The sections (and top-level keys) below <c>akkarpc</c>: the reference's, the bench's sizes and the owners'
    /// dispatcher. Anything else is a typo that would otherwise be ignored without a word.
    /// </summary>
    private static readonly HashSet<string> KnownSections = ["system-name", "databases", "node", "remote", "client", "bench", "sqlite", "cluster"];

    /// <summary>The file name of the reference configuration; an <c>include</c> of it that finds no file uses the shipped copy.</summary>
    public const string ReferenceFileName = "akkarpc.conf";

    private static readonly Lazy<Config> s_reference = new(() =>
    {
        using var stream = typeof(AkkaRpcConfiguration).Assembly.GetManifestResourceStream(ReferenceFileName)
            ?? throw new InvalidOperationException($"The assembly lacks its embedded {ReferenceFileName}.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    });

    /// <summary>Gets every AkkaRpc setting at its default: the shipped <c>hocon/akkarpc.conf</c>.</summary>
    public static Config Reference => s_reference.Value;

    /// <summary>
    /// Composes the configuration: <paramref name="args"/> as flags (<c>--section:key=value</c>), then <c>AKKARPC__</c>
    /// environment variables, then the HOCON file at <paramref name="hoconPath"/> (if any), then <see cref="Reference"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The HOCON file (or a file it includes) does not exist.</exception>
    /// <exception cref="ConfigurationException">The HOCON does not parse; the message says where.</exception>
    public static Config Load(string? hoconPath, IEnumerable<string>? args = null)
    {
        var overrides = new ConfigurationBuilder().AddEnvironmentVariables(EnvironmentPrefix);
        if (args is not null)
        {
            overrides.AddCommandLine(args.ToArray());
        }

        var file = hoconPath is null ? Config.Empty : ParseFile(hoconPath);
        var flags = FromConfiguration(overrides.Build());
        Validate(flags, "the command-line flags and AKKARPC__ environment variables");
        return flags.WithFallback(file).WithFallback(Reference);
    }

    /// <summary>
    /// Parses the HOCON file at <paramref name="path"/>; <c>include "x.conf"</c> is resolved beside the including file,
    /// and an include of <see cref="ReferenceFileName"/> that finds no file there takes the shipped reference.
    /// </summary>
    public static Config ParseFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The configuration file {full} does not exist.", full);
        }

        var config = ConfigurationFactory.ParseString(File.ReadAllText(full), name => Include(Path.GetDirectoryName(full)!, name, depth: 1));
        Validate(config, full);
        return config;
    }

    /// <summary>
    /// Turns key/value settings (flags, environment variables, any <see cref="IConfiguration"/>) into HOCON: keys under
    /// <c>akka</c> keep their place, every other key goes below <c>akkarpc</c>.
    /// </summary>
    public static Config FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var all = configuration.ToHocon(normalizeKeys: true);
        var akka = all.HasPath("akka") ? all.GetConfig("akka").MoveTo("akka") : Config.Empty;
        var ours = new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.AsEnumerable().Where(kv => kv.Value is not null && !IsAkkaKey(kv.Key)))
            .Build()
            .ToHocon(normalizeKeys: true);
        return akka.WithFallback(ours.MoveTo("akkarpc"));
    }

    /// <summary>
    /// Refuses what Akka's lenient parser lets through silently: a key with no value (<c>busy-timeout =</c> at the end of a
    /// truncated file), and a misspelt key in a section the reference defines (<c>akkarpc.databases.busy-timout</c>),
    /// which would otherwise be ignored while the default applies.
    /// </summary>
    /// <exception cref="ConfigurationException">The message names the key and where it came from.</exception>
    private static void Validate(Config config, string source)
    {
        if (config.IsEmpty)
        {
            return;
        }

        foreach (var (path, value) in Leaves(config.Root, string.Empty))
        {
            if (value.IsEmpty)
            {
                throw new ConfigurationException($"In {source}: '{path}' has no value. Is the file cut short, or a value missing after '='?");
            }

            if (path.StartsWith("akkarpc.", StringComparison.Ordinal) && !KnownSections.Contains(path.Split('.')[1]))
            {
                throw new ConfigurationException(
                    $"In {source}: '{path}' is not an AkkaRpc setting: akkarpc has no section '{path.Split('.')[1]}'. It has: {string.Join(", ", KnownSections.Order(StringComparer.Ordinal))}.");
            }

            if (path.StartsWith("akkarpc.", StringComparison.Ordinal) && !Reference.HasPath(path) && IsReferenceSection(path))
            {
                var section = path[..path.LastIndexOf('.')];
                var known = Reference.HasPath(section) && Reference.GetValue(section).IsObject()
                    ? string.Join(", ", Leaves(Reference.GetValue(section), section).Select(l => l.Path[(section.Length + 1)..]))
                    : "(none)";
                throw new ConfigurationException($"In {source}: '{path}' is not an AkkaRpc setting. {section} has: {known}.");
            }
        }
    }

    // The akkarpc sections the reference defines in full (databases, node, remote, client) and its own top-level keys;
    // other sections (bench sizes, the owners' dispatcher) belong to the components that read them.
    private static bool IsReferenceSection(string path)
    {
        var parts = path.Split('.');
        return parts.Length == 2 || (Reference.HasPath("akkarpc." + parts[1]) && Reference.GetValue("akkarpc." + parts[1]).IsObject());
    }

    private static IEnumerable<(string Path, HoconValue Value)> Leaves(HoconValue value, string path)
    {
        if (!value.IsObject())
        {
            yield return (path, value);
            yield break;
        }

        foreach (var (key, child) in value.GetObject().Items)
        {
            foreach (var leaf in Leaves(child, path.Length == 0 ? key : path + "." + key))
            {
                yield return leaf;
            }
        }
    }

    private static bool IsAkkaKey(string key) => key.Equals("akka", StringComparison.OrdinalIgnoreCase) || key.StartsWith("akka:", StringComparison.OrdinalIgnoreCase);

    private static HoconRoot Include(string directory, string name, int depth)
    {
        // A file that includes itself (directly or through others) would recurse until the stack overflows.
        const int MaxDepth = 16;
        if (depth > MaxDepth)
        {
            throw new ConfigurationException($"include \"{name}\" in {directory} nests more than {MaxDepth} files deep; is there an include cycle?");
        }

        var path = Path.GetFullPath(Path.Combine(directory, name));
        if (!File.Exists(path))
        {
            return name == ReferenceFileName
                ? new HoconRoot(Reference.Root)
                : throw new FileNotFoundException($"The configuration file {path} (included from {directory}) does not exist.", path);
        }

        var included = ConfigurationFactory.ParseString(File.ReadAllText(path), inner => Include(Path.GetDirectoryName(path)!, inner, depth + 1));
        return new HoconRoot(included.Root);
    }
}
