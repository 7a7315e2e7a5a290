using System.Net;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Systems.Raw;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Systems;

/// <summary>The raw floor against its real server: overlapping requests on one connection each get their own answer.</summary>
public sealed class RawSocketSystemTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-bench-raw-");
    private RawFloorServer? _server;

    public Task InitializeAsync()
    {
        _server = RawFloorServer.Start(IPAddress.Loopback, 0, Path.Combine(_directory.FullName, "raw.sock"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("unix")]
    public async Task OverlappingRequests_OnOneConnection_AreAnsweredInTheOrderTheyWereSent(string transport)
    {
        string address = _server!.Addresses.Single(a => a.StartsWith(transport, StringComparison.Ordinal));
        var system = new RawSocketSystem(new SystemEndpoint("raw_" + transport, SystemKind.RawSocket, address, string.Empty));
        await using var connection = await system.ConnectAsync(CancellationToken.None);

        // Downloads of different sizes mixed with echoes: an answer read by the wrong request fails its length check.
        var requests = Enumerable.Range(0, 200).Select(i => i % 3 == 0
            ? connection.DownloadBlobAsync(i, 100 + (i * 37), CancellationToken.None)
            : connection.PointQueryAsync(i, CancellationToken.None));
        var transfers = await Task.WhenAll(requests).WaitAsync(TestTime.Seconds(30));

        Assert.Equal(Enumerable.Range(0, 200).Where(i => i % 3 == 0).Sum(i => 100L + (i * 37)), transfers.Sum(t => t.Received));
        Assert.Equal(Transfer.None, await connection.PointQueryAsync(1, CancellationToken.None)); // And one at a time afterwards.
    }
}
