using System.Net;
using AkkaRpc.Bench.Services;
using AkkaRpc.Bench.Services.Actors;
using AkkaRpc.Bench.Services.Grpc;
using AkkaRpc.Bench.Services.Proxy;
using AkkaRpc.Bench.Services.Rest;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Client;
using AkkaRpc.Services;
using AkkaRpc.Testing;
using global::Grpc.Core;

namespace AkkaRpc.Bench.Tests.Services;

/// <summary>
/// The contract every system of <c>bench services</c> keeps, against its real server on loopback: the same calls answer
/// the same way, a download out of range is refused with a clear error, and the connection keeps working after it.
/// </summary>
public sealed class ServiceSystemsTests : IAsyncLifetime
{
    private static readonly TimeSpan s_ceiling = TestTime.Seconds(60);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-bench-services-");
    private ServiceProxyHost? _service;
    private ActorServiceHost? _actor;
    private GrpcServiceServer? _grpc;
    private RestServiceServer? _rest;

    private string Cookie => Path.Combine(_directory.FullName, "cookie");

    public async Task InitializeAsync()
    {
        _service = await ServiceProxyHost.StartAsync("127.0.0.1", 0, Path.Combine(_directory.FullName, "proxy.sock"), Cookie, CancellationToken.None);
        _actor = ActorServiceHost.Start("127.0.0.1", 0, Path.Combine(_directory.FullName, "service.sock"), Cookie);
        _grpc = await GrpcServiceServer.StartAsync(IPAddress.Loopback, 0, CancellationToken.None);
        _rest = await RestServiceServer.StartAsync(IPAddress.Loopback, 0, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _rest!.DisposeAsync();
        await _grpc!.DisposeAsync();
        await _actor!.DisposeAsync();
        await AkkaRpcClient.ShutdownAsync(); // the proxies' shared client runtime
        await _service!.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Theory]
    [InlineData(ServiceCatalog.ServicesTcp)]
    [InlineData(ServiceCatalog.ServicesUnix)]
    [InlineData(ServiceCatalog.ActorTcp)]
    [InlineData(ServiceCatalog.ActorUnix)]
    [InlineData(ServiceCatalog.Grpc)]
    [InlineData(ServiceCatalog.Rest)]
    public async Task EverySystem_AnswersEveryCall_WithTheSamePayloads(string key)
    {
        await using var system = Create(key);
        await using var connection = await system.ConnectAsync(CancellationToken.None).WaitAsync(s_ceiling);

        Assert.Equal(Transfer.None, await connection.PointQueryAsync(1, CancellationToken.None));
        Assert.Equal(Transfer.None, await connection.InsertAsync(long.MaxValue, CancellationToken.None)); // wraps, on every system alike
        var megabyte = new byte[1024 * 1024];
        Random.Shared.NextBytes(megabyte);
        Assert.Equal(new Transfer(megabyte.Length, 0), (await connection.UploadBlobAsync(megabyte, CancellationToken.None)).Transfer);
        Assert.Equal(new Transfer(0, megabyte.Length), await connection.DownloadBlobAsync(0, megabyte.Length, CancellationToken.None));
        Assert.Equal(new Transfer(0, 0), await connection.DownloadChunkAsync(1, 0, 0, CancellationToken.None));
    }

    [Theory]
    [InlineData(ServiceCatalog.ServicesTcp)]
    [InlineData(ServiceCatalog.ServicesUnix)]
    [InlineData(ServiceCatalog.ActorTcp)]
    [InlineData(ServiceCatalog.ActorUnix)]
    [InlineData(ServiceCatalog.Grpc)]
    [InlineData(ServiceCatalog.Rest)]
    public async Task ADownloadOutOfRange_IsRefusedClearly_AndTheConnectionKeepsWorking(string key)
    {
        await using var system = Create(key);
        await using var connection = await system.ConnectAsync(CancellationToken.None).WaitAsync(s_ceiling);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.DownloadBlobAsync(0, ServiceCalls.MaxPayloadBytes + 1, CancellationToken.None));
        switch (error)
        {
            case RpcException rpc:
                Assert.Equal(StatusCode.InvalidArgument, rpc.StatusCode);
                Assert.Contains("A download asks for 0 to", rpc.Status.Detail, StringComparison.Ordinal);
                break;
            case RemoteServiceException remote:
                Assert.Contains(nameof(ArgumentOutOfRangeException), remote.RemoteTypeName, StringComparison.Ordinal);
                Assert.Contains("A download asks for 0 to", remote.Message, StringComparison.Ordinal);
                break;
            case HttpRequestException http:
                Assert.Equal(HttpStatusCode.BadRequest, http.StatusCode);
                break;
            default:
                Assert.IsType<ArgumentException>(error);
                Assert.Contains("A download asks for 0 to", error.Message, StringComparison.Ordinal);
                break;
        }

        Assert.Equal(new Transfer(0, 4096), await connection.DownloadBlobAsync(0, 4096, CancellationToken.None));
        Assert.Equal(Transfer.None, await connection.PointQueryAsync(1, CancellationToken.None));
    }

    [Theory]
    [InlineData(ServiceCatalog.ServicesTcp)]
    [InlineData(ServiceCatalog.ServicesUnix)]
    [InlineData(ServiceCatalog.ActorTcp)]
    [InlineData(ServiceCatalog.ActorUnix)]
    [InlineData(ServiceCatalog.Grpc)]
    [InlineData(ServiceCatalog.Rest)]
    public async Task AFreshConnection_IsReadyForCalls_AndManyCallersShareTheServer(string key)
    {
        await using var system = Create(key);
        await using (var fresh = await system.ConnectFreshAsync(CancellationToken.None).WaitAsync(s_ceiling))
        {
            Assert.Equal(Transfer.None, await fresh.InsertAsync(3, CancellationToken.None));
        }

        var connections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => system.ConnectAsync(CancellationToken.None))).WaitAsync(s_ceiling);
        try
        {
            await Task.WhenAll(connections.Select(c => c.PointQueryAsync(1, CancellationToken.None))).WaitAsync(s_ceiling);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AnActorCallerWithAnotherCookie_IsRefused_AndTheRightCookieStillGetsIn()
    {
        string wrongCookie = Path.Combine(_directory.FullName, "other-cookie");
        await File.WriteAllTextAsync(wrongCookie, Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrongCookie, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        await using (var intruder = new ActorServiceSystem(Endpoint(ServiceCatalog.ActorTcp), wrongCookie))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => intruder.ConnectFreshAsync(CancellationToken.None).WaitAsync(s_ceiling));
        }

        await using var system = Create(ServiceCatalog.ActorTcp);
        await using var connection = await system.ConnectAsync(CancellationToken.None).WaitAsync(s_ceiling);
        Assert.Equal(Transfer.None, await connection.PointQueryAsync(1, CancellationToken.None));
    }

    private IBenchSystem Create(string key) => key switch
    {
        ServiceCatalog.Grpc => new GrpcServiceSystem(Endpoint(key)),
        ServiceCatalog.Rest => new RestServiceSystem(Endpoint(key)),
        ServiceCatalog.ServicesTcp or ServiceCatalog.ServicesUnix => new ServiceProxySystem(Endpoint(key), Cookie),
        _ => new ActorServiceSystem(Endpoint(key), Cookie),
    };

    private SystemEndpoint Endpoint(string key) => key switch
    {
        ServiceCatalog.Grpc => new SystemEndpoint(key, SystemKind.Grpc, _grpc!.Url.ToString(), string.Empty),
        ServiceCatalog.Rest => new SystemEndpoint(key, SystemKind.Rest, _rest!.Url.ToString(), string.Empty),
        ServiceCatalog.ServicesTcp => new SystemEndpoint(key, SystemKind.ServiceProxy, _service!.Addresses.Single(a => a.StartsWith("akka.rpc.tcp://", StringComparison.Ordinal)), string.Empty),
        ServiceCatalog.ServicesUnix => new SystemEndpoint(key, SystemKind.ServiceProxy, _service!.Addresses.Single(a => a.StartsWith("akka.rpc.unix://", StringComparison.Ordinal)), string.Empty),
        ServiceCatalog.ActorUnix => new SystemEndpoint(key, SystemKind.ServiceActor, _actor!.Addresses.Single(a => a.StartsWith("akka.rpc.unix://", StringComparison.Ordinal)), string.Empty),
        _ => new SystemEndpoint(key, SystemKind.ServiceActor, _actor!.Addresses.Single(a => a.StartsWith("akka.rpc.tcp://", StringComparison.Ordinal)), string.Empty),
    };
}
