using AkkaRpc.Actors;
using AkkaRpc.Hosting;
using AkkaRpc.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaRpc.Hosting.Tests;

public sealed class DatabasesHostingTests : IDisposable
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("akkarpc-dbhost-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WithDatabases_StartsTheSupervisor_FromTheShippedReferenceConfig()
    {
        using var host = BuildHost(RepoFile("hocon/akkarpc.conf"), [$"--databases:data-dir={_dir}"]);
        await host.StartAsync();

        var databases = await host.Services.GetRequiredService<ActorRegistry>().GetAsync<DatabasesSupervisor>().WaitAsync(Ceiling);
        var resolved = await databases.Ask<DatabaseReply>(new Resolve("orders"), Ceiling);
        var owner = Assert.IsType<Resolved>(resolved).Owner;
        Assert.IsType<ExecuteResult>(await owner.Ask<DatabaseReply>(new Execute("CREATE TABLE t (v)"), Ceiling));

        Assert.True(File.Exists(Path.Combine(_dir, "orders.db")));
        Assert.Equal("/user/databases", databases.Path.ToStringWithoutAddress());
        await host.StopAsync();
    }

    [Fact]
    public async Task ServerConf_IncludesTheReference_AndOverridesTheIdleTimeout()
    {
        var configuration = new ConfigurationBuilder().AddAkkaRpcConfiguration(RepoFile("hocon/server.conf")).Build();

        Assert.Equal("30m", configuration["databases:idle-timeout"]);
        Assert.Equal("full", configuration["databases:synchronous"]);
        Assert.Equal("30", configuration["actor:throughput"]);
    }

    [Fact]
    public void ClientConf_TurnsTheTcpListenerOff_AndKeepsTheReferenceDefaults()
    {
        var configuration = new ConfigurationBuilder().AddAkkaRpcConfiguration(RepoFile("hocon/client.conf")).Build();

        var remoting = RemotingOptionsReader.Read(configuration);

        Assert.False(remoting.ListenTcp);
        Assert.Null(remoting.UnixSocketPath);
        Assert.Equal(TimeSpan.FromSeconds(1), remoting.HeartbeatInterval);
    }

    [Fact]
    public void BenchConf_KeepsDatabasesOpenForTheWholeRun()
    {
        var configuration = new ConfigurationBuilder().AddAkkaRpcConfiguration(RepoFile("hocon/bench.conf")).Build();

        var databases = DatabasesOptionsReader.Read(configuration);

        Assert.Null(databases.IdleTimeout);
        Assert.Equal(SynchronousMode.Full, databases.Database.Synchronous);
    }

    [Theory]
    [InlineData("--databases:max-lease=forever", "akkarpc.databases.max-lease")]
    [InlineData("--databases:synchronous=sometimes", "akkarpc.databases.synchronous")]
    [InlineData("--databases:allow-attach=maybe", "akkarpc.databases.allow-attach")]
    [InlineData("--databases:max-bytes-per-chunk=lots", "akkarpc.databases.max-bytes-per-chunk")]
    public async Task ABadDatabaseSetting_FailsStartWithItsKey(string flag, string key)
    {
        using var host = BuildHost(RepoFile("hocon/akkarpc.conf"), [$"--databases:data-dir={_dir}", flag]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleTimeoutOff_MeansOwnersStayOpen()
    {
        using var host = BuildHost(RepoFile("hocon/akkarpc.conf"), [$"--databases:data-dir={_dir}", "--databases:idle-timeout=off"], o =>
        {
            Assert.Null(o.IdleTimeout);
            return o;
        });
        await host.StartAsync();
        await host.Services.GetRequiredService<ActorRegistry>().GetAsync<DatabasesSupervisor>().WaitAsync(Ceiling);
        await host.StopAsync();
    }

    private static IHost BuildHost(string hocon, string[] args, Func<DatabasesOptions, DatabasesOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddAkkaRpcConfiguration(hocon, args);
        builder.Services.AddAkkaRpc("DatabasesHostingTest", b => b.WithDatabases(configure));
        return builder.Build();
    }

    /// <summary>A file of the repository, found from the test's output directory upwards.</summary>
    internal static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "AkkaRpc.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
