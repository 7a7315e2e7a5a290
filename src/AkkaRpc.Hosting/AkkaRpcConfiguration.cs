using AkkaRpc.Config;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Hosting;

/// <summary>The one way AkkaRpc composes its configuration: HOCON, then environment variables, then flags.</summary>
public static class AkkaRpcConfiguration
{
    /// <summary>The prefix of environment variables that override HOCON keys (<c>AKKARPC__ACTOR__THROUGHPUT=50</c>).</summary>
    public const string EnvironmentPrefix = "AKKARPC__";

    /// <summary>
    /// Adds the HOCON file at <paramref name="hoconPath"/> (its <c>akkarpc</c> block becomes the root, so
    /// <c>akkarpc.actor.throughput</c> is key <c>actor:throughput</c>), then <c>AKKARPC__</c> environment variables,
    /// then <paramref name="args"/> as command-line flags (<c>--actor:throughput=50</c>); later sources win.
    /// </summary>
    public static IConfigurationBuilder AddAkkaRpcConfiguration(this IConfigurationBuilder builder, string? hoconPath, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (hoconPath is not null)
        {
            builder.AddHoconFile(hoconPath, optional: false, reloadOnChange: false, rootPath: "akkarpc");
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (args is { Length: > 0 })
        {
            builder.AddCommandLine(args);
        }

        return builder;
    }
}
