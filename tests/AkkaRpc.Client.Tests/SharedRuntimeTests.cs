namespace AkkaRpc.Client.Tests;

/// <summary>The process-wide shared runtime and <see cref="AkkaRpcClient.ShutdownAsync"/>.</summary>
public sealed class SharedRuntimeTests
{
    [Fact]
    public async Task AfterShutdown_AHandleOnTheSharedConnection_FailsAtOnce_AsDocumented_NotAfterItsTimeout()
    {
        await using var node = await TestNode.StartAsync();
        var options = node.ClientOptions(privateConnection: false);
        options.RequestTimeout = TimeSpan.FromMinutes(2);
        options.ConnectTimeout = TimeSpan.FromSeconds(3); // a runtime of its own, not shared with other tests
        await using var db = await AkkaRpcClient.ConnectAsync("orders", options);
        Assert.Equal(1L, (await db.QueryAsync("SELECT 1")).Scalar());

        await AkkaRpcClient.ShutdownAsync();

        // "Handles using them fail until the next connect reopens them."
        var error = await Record.ExceptionAsync(() => db.QueryAsync("SELECT 1").WaitAsync(TestNode.Ceiling));
        Assert.NotNull(error);
        Assert.IsNotType<TimeoutException>(error);
    }
}
