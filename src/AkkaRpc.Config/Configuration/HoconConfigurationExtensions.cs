using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Config;

/// <summary>Adds HOCON files and strings to a <see cref="IConfigurationBuilder"/>.</summary>
/// <remarks>
/// <para>
/// Keys are flattened the Microsoft.Extensions.Configuration way: HOCON path <c>akkarpc.remote.tcp.port</c>
/// becomes key <c>akkarpc:remote:tcp:port</c>, array elements become <c>key:0</c>, <c>key:1</c>, and values stay
/// the text that was written (read durations and sizes with <see cref="ConfigurationUnitExtensions"/>).
/// </para>
/// <para>
/// To let environment variables and command-line flags override the same keys, pass
/// <c>rootPath: "akkarpc"</c>: the subtree under <c>akkarpc</c> becomes the configuration root, so
/// <c>akkarpc.remote.tcp.port</c> is key <c>remote:tcp:port</c>. Then add the standard providers after this one,
/// because later providers win:
/// </para>
/// <code>
/// var configuration = new ConfigurationBuilder()
///     .AddHoconFile("akkarpc.conf", rootPath: "akkarpc")
///     .AddEnvironmentVariables(prefix: "AKKARPC__")  // AKKARPC__REMOTE__TCP__PORT=5000 -> remote:tcp:port
///     .AddCommandLine(args)                          // --remote:tcp:port=6000           -> remote:tcp:port
///     .Build();
/// int port = int.Parse(configuration["remote:tcp:port"]!);
/// </code>
/// <para>
/// The environment provider strips the <c>AKKARPC__</c> prefix and turns each <c>__</c> into <c>:</c>;
/// configuration keys are case-insensitive, so <c>REMOTE:TCP:PORT</c> and <c>remote:tcp:port</c> are the same key.
/// HOCON's own <c>${?NAME}</c> substitutions also read environment variables, but only while the file is resolved.
/// </para>
/// </remarks>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file; a relative path is relative to the current directory. Its includes are relative to its own directory.</param>
    /// <param name="optional">Whether a missing file yields no keys instead of an error.</param>
    /// <param name="reloadOnChange">Whether keys reload when the file or a file it includes changes.</param>
    /// <param name="rootPath">A HOCON path (such as <c>akkarpc</c>) whose subtree becomes the configuration root; see the remarks on <see cref="HoconConfigurationExtensions"/>.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false, string? rootPath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add(new HoconConfigurationSource { Path = path, Optional = optional, ReloadOnChange = reloadOnChange, RootPath = rootPath });
    }

    /// <summary>Adds HOCON text.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="content">The HOCON text; its includes are relative to the current directory.</param>
    /// <param name="rootPath">A HOCON path (such as <c>akkarpc</c>) whose subtree becomes the configuration root; see the remarks on <see cref="HoconConfigurationExtensions"/>.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string content, string? rootPath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(content);
        return builder.Add(new HoconConfigurationSource { Content = content, RootPath = rootPath });
    }

    /// <summary>Adds a HOCON source configured by a callback, for the settings the shorter overloads do not take.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets up the source.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, Action<HoconConfigurationSource> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var source = new HoconConfigurationSource();
        configure(source);
        return builder.Add(source);
    }
}
