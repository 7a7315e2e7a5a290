using AkkaRpc.Sqlite;

namespace AkkaRpc.Client.Tests;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task WithAutoSpawnOff_AndNoNode_TheErrorNamesWhereItLooked()
    {
        var dir = Directory.CreateTempSubdirectory("akkarpc-client-").FullName;
        var socket = Path.Combine(dir, "node.sock");

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => AkkaRpcClient.ConnectAsync(
            "orders", new AkkaRpcClientOptions { UnixSocket = socket, AutoSpawn = false, PrivateConnection = true, RuntimeDirectory = dir }));

        Assert.Contains(socket, error.Message, StringComparison.Ordinal);
        Assert.Contains("auto-spawn is off", error.Message, StringComparison.Ordinal);
        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task ANodeWithAnotherCookie_IsSkipped_NotUsed()
    {
        await using var node = await TestNode.StartAsync();
        var options = node.ClientOptions();
        options.CookiePath = Path.Combine(node.Directory, "other-cookie");

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => AkkaRpcClient.ConnectAsync("orders", options));

        Assert.Contains(node.Socket, error.Message, StringComparison.Ordinal);
        Assert.Contains("cookie", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AListenerThatIsNotAnAkkaRpcNode_OnTheFirstPort_IsSkipped_AndTheNodeOnTheNextPortIsUsed()
    {
        var (stranger, port) = Loopback.StartStranger(nextPortFree: true);
        await using var node = await TestNode.StartAsync(tcpPort: port + 1);
        var options = node.ClientOptions();
        options.UnixSocket = "";
        options.TcpPort = port;
        options.TcpPortCount = 3;

        await using var db = await AkkaRpcClient.ConnectAsync("orders", options);

        Assert.Equal(1L, (await db.QueryAsync("SELECT 1")).Scalar());
        Assert.EndsWith($":{port + 1}", db.NodeAddress, StringComparison.Ordinal);
        stranger.Stop();
    }

    [Fact]
    public async Task AnUnknownDatabase_OnANodeThatDoesNotCreateThem_IsDatabaseNotFound_AndABadNameToo()
    {
        var databases = new DatabasesOptions();
        databases.Database.CreateIfMissing = false;
        await using var node = await TestNode.StartAsync(databases: databases);

        var missing = await Assert.ThrowsAsync<DatabaseNotFoundException>(() => AkkaRpcClient.ConnectAsync("nothing-here", node.ClientOptions()));
        var badName = await Assert.ThrowsAsync<DatabaseNotFoundException>(() => AkkaRpcClient.ConnectAsync("../escape", node.ClientOptions()));

        Assert.Contains("nothing-here", missing.Message, StringComparison.Ordinal);
        Assert.Contains("../escape", badName.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlesWithTheSameSettings_ShareOneConnection_OthersGetTheirOwn()
    {
        await using var node = await TestNode.StartAsync();
        await using var a = await AkkaRpcClient.ConnectAsync("a", node.ClientOptions(privateConnection: false));
        await using var b = await AkkaRpcClient.ConnectAsync("b", node.ClientOptions(privateConnection: false));
        await using var own = await AkkaRpcClient.ConnectAsync("a", node.ClientOptions(privateConnection: true));

        Assert.Same(a.Runtime, b.Runtime);
        Assert.NotSame(a.Runtime, own.Runtime);
        Assert.Equal(1L, (await b.QueryAsync("SELECT 1")).Scalar());
    }
}

public sealed class DiscoveryOfAnotherSystemTests
{
    [Fact]
    public async Task ANodeWithAnotherSystemName_IsSkipped_AtOnce_NotWaitedForUntilTheRequestTimeout()
    {
        await using var node = await TestNode.StartAsync();
        var options = node.ClientOptions();
        options.SystemName = "Other"; // the endpoint is held by a node named AkkaRpc
        options.RequestTimeout = TimeSpan.FromMinutes(2);

        var error = await Record.ExceptionAsync(() => AkkaRpcClient.ConnectAsync("orders", options).WaitAsync(TestNode.Ceiling));

        Assert.IsType<NodeUnreachableException>(error);
    }

    [Fact]
    public async Task Status_SkipsANodeWithAnotherSystemName_AtOnce()
    {
        await using var node = await TestNode.StartAsync();
        var options = node.ClientOptions();
        options.SystemName = "Other";
        options.RequestTimeout = TimeSpan.FromMinutes(2);

        var error = await Record.ExceptionAsync(() => AkkaRpcNodes.StatusAsync(options).WaitAsync(TestNode.Ceiling));

        Assert.Null(error);
    }
}
