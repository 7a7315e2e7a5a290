using Akka.Hosting;

namespace AkkaRpc.Hosting.Tests;

/// <summary>A node with <c>node.idle-shutdown</c> and no client stops by itself.</summary>
public sealed class IdleShutdownSpec() : NodeSpec("idle")
{
    protected override IEnumerable<string> Settings => ["--node:idle-shutdown=300ms"];

    [Fact]
    public async Task WithNoConnection_TheNodeStops_AfterItsIdleTime()
    {
        await Sys.WhenTerminated.WaitAsync(TestTime.Seconds(15), TestContext.Current.CancellationToken);

        Assert.False(File.Exists(Socket));
    }
}
