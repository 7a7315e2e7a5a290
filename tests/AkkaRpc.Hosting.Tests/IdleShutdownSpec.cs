using Akka.Hosting;

namespace AkkaRpc.Hosting.Tests;

/// <summary>A node with <c>node.idle-shutdown</c> and no client stops by itself.</summary>
public sealed class IdleShutdownSpec : Akka.Hosting.TestKit.TestKit
{
    private readonly string _dir = Directory.CreateTempSubdirectory("akkarpc-idle-").FullName;

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) => builder
        .WithAkkaRpcNode(AkkaRpcConfiguration.Load(null,
        [
            "--remote:tcp:enabled=false",
            $"--remote:unix:socket={Path.Combine(_dir, "node.sock")}",
            $"--remote:cookie-path={Path.Combine(_dir, "cookie")}",
            $"--databases:data-dir={Path.Combine(_dir, "data")}",
            "--node:idle-shutdown=300ms",
        ]));

    [Fact]
    public async Task WithNoConnection_TheNodeStops_AfterItsIdleTime()
    {
        await Sys.WhenTerminated.WaitAsync(TestTime.Seconds(15), TestContext.Current.CancellationToken);

        Assert.False(File.Exists(Path.Combine(_dir, "node.sock")));
    }

    protected override async Task AfterAllAsync()
    {
        await base.AfterAllAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
