using AkkaRpc.Remote;
using AkkaRpc.Remote.Serialization;
using AkkaRpc.Sqlite.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaRpc.Hosting;

/// <summary>Makes a hosted actor system reachable from other processes.</summary>
public static class RemotingBuilderExtensions
{
    /// <summary>
    /// Starts <see cref="Remoting"/> with options from the configuration's <c>remote</c> section (HOCON
    /// <c>akkarpc.remote</c>), the kernel's and the database messages' codecs plus those <paramref name="registerCodecs"/>
    /// adds. The <see cref="Remoting"/> is available from the container once the host has started. On shutdown it
    /// closes after every other hook, so replies to requests drained by those hooks still go out.
    /// </summary>
    public static AkkaRpcBuilder WithRemoting(this AkkaRpcBuilder builder, Action<CodecRegistry>? registerCodecs = null, Func<RemotingOptions, RemotingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var holder = new RemotingHolder();
        builder.Services.AddSingleton(holder);
        builder.Services.AddSingleton(_ => holder.Remoting ?? throw new InvalidOperationException("Remoting is not started yet: resolve it after the host has started."));
        return builder
            .WithStartup(async (system, _, services, cancellationToken) =>
            {
                var configuration = services.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build();
                var options = RemotingOptionsReader.Read(configuration);
                options = configure?.Invoke(options) ?? options;
                var codecs = SqliteCodecs.CreateRegistry();
                registerCodecs?.Invoke(codecs);
                holder.Remoting = await Remoting.StartAsync(system, options, codecs, cancellationToken).ConfigureAwait(false);
            })
            .WithShutdown(
                async (_, _, _) =>
                {
                    if (holder.Remoting is { } remoting)
                    {
                        await remoting.DisposeAsync().ConfigureAwait(false);
                    }
                },
                last: true);
    }

    /// <summary>Holds the started remoting for the container.</summary>
    internal sealed class RemotingHolder
    {
        public Remoting? Remoting { get; set; }
    }
}
