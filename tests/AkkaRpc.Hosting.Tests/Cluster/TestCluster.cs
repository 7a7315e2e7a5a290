using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using AkkaRpc.Client;
using AkkaRpc.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaRpc.Hosting.Tests.Cluster;

/// <summary>
/// Cluster members as <c>akkarpc serve --cluster</c> runs them (<c>WithAkkaRpcNode</c>), each its own host and actor
/// system in this process, over AkkaRpc's TCP transport on loopback, sharing a temporary directory's cookie and data.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    private TestCluster(string dir) => Dir = dir;

    public string Dir { get; }

    public string Cookie => Path.Combine(Dir, "cookie");

    public IReadOnlyList<ActorSystem> Members => _hosts.Select(h => h.Services.GetRequiredService<ActorSystem>()).ToList();

    public static TimeSpan Ceiling => TestTime.Seconds(30);

    /// <summary>Starts <paramref name="count"/> members, the first one the seed, and returns once all see each other Up.</summary>
    public static async Task<TestCluster> StartAsync(int count, params string[] settings)
    {
        var cluster = new TestCluster(Directory.CreateTempSubdirectory("akkarpc-cluster-").FullName);
        try
        {
            var ports = Enumerable.Range(0, count).Select(_ => Loopback.FreePort()).ToArray();
            var seed = $"akka.rpc.tcp://AkkaRpc@127.0.0.1:{ports[0]}";
            foreach (var port in ports)
            {
                var config = AkkaRpcConfiguration.Load(null,
                [
                    $"--remote:tcp:port={port}",
                    $"--remote:cookie-path={cluster.Cookie}",
                    $"--databases:data-dir={Path.Combine(cluster.Dir, "data")}",
                    "--cluster:enabled=on",
                    $"--cluster:seed-nodes={seed}",
                    .. settings,
                ]);
                var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                builder.Services.AddAkka("AkkaRpc", akka => akka.WithAkkaRpcNode(config));
                var host = builder.Build();
                cluster._hosts.Add(host);
                await host.StartAsync();
            }

            await cluster.AllUpAsync(count);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A private client that talks to <paramref name="member"/> (and learns the others from it).</summary>
    public AkkaRpcClientOptions ClientOf(ActorSystem member) => new()
    {
        NodeAddress = Akka.Cluster.Cluster.Get(member).SelfAddress.ToString(),
        CookiePath = Cookie,
        AutoSpawn = false,
        PrivateConnection = true,
        RequestTimeout = Ceiling,
    };

    /// <summary>The members whose own supervisor runs an owner of <paramref name="database"/>.</summary>
    public async Task<List<ActorSystem>> OwnersOfAsync(string database)
    {
        var owners = new List<ActorSystem>();
        foreach (var member in Members.Where(m => !m.WhenTerminated.IsCompleted))
        {
            var report = await member.ActorSelection("/user/databases").Ask<DatabasesSupervisor.StatusReport>(DatabasesSupervisor.GetStatus.Instance, Ceiling);
            if (report.Databases.Any(d => d.Name == database))
            {
                owners.Add(member);
            }
        }

        return owners;
    }

    /// <summary>Waits until <paramref name="count"/> members are Up in the view of every running member.</summary>
    public async Task AllUpAsync(int count)
    {
        using var deadline = new CancellationTokenSource(Ceiling);
        foreach (var member in Members.Where(m => !m.WhenTerminated.IsCompleted))
        {
            var cluster = Akka.Cluster.Cluster.Get(member);
            while (cluster.State.Members.Count(m => m.Status == MemberStatus.Up) != count || !cluster.State.Unreachable.IsEmpty)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            try
            {
                await host.StopAsync();
            }
            catch (OperationCanceledException)
            {
                // Already stopping: a downed member ends itself.
            }

            host.Dispose();
        }

        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a member that is ending; the temp directory is cleaned later.
        }
    }
}
