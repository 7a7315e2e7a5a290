using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AkkaRpc.Hosting;

namespace AkkaRpc.Client.Tests;

/// <summary>A node's optional listener on Akka.Remote's stock DotNetty transport, plain on loopback or with mutual TLS on a pinned certificate.</summary>
public sealed class DotNettyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("akkarpc-dotnetty-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AClient_GivenTheNodesAkkaTcpAddress_QueriesItOverDotNetty()
    {
        await using var node = await TestNode.StartAsync(transport: t => t with { DotNettyEnabled = true });
        var options = ClientOf(node);

        await using var db = await AkkaRpcClient.ConnectAsync("orders", options);

        Assert.StartsWith("akka.tcp://", db.NodeAddress, StringComparison.Ordinal);
        Assert.Contains(node.Addresses, a => a.Protocol == "akka.rpc.unix"); // beside our own transport
        Assert.Equal(42L, (await db.QueryAsync("SELECT 42")).Scalar());
    }

    [Fact]
    public async Task WithMutualTls_TheClientPresentingThePinnedCertificate_IsServed_AndAnotherCertificateIsRefused()
    {
        var pinned = Certificate("pinned");
        var stranger = Certificate("stranger");
        await using var node = await TestNode.StartAsync(transport: t => t with { DotNettyEnabled = true, DotNettyCertificate = pinned });

        var good = ClientOf(node);
        good.DotNettyCertificate = pinned;
        Assert.StartsWith("akka.ssl.tcp://", good.NodeAddress, StringComparison.Ordinal);
        await using (var db = await AkkaRpcClient.ConnectAsync("orders", good))
        {
            Assert.Equal(7L, (await db.QueryAsync("SELECT 7")).Scalar());
        }

        var bad = ClientOf(node);
        bad.DotNettyCertificate = stranger;
        bad.ConnectTimeout = TimeSpan.FromSeconds(2);
        var refused = await Assert.ThrowsAsync<NodeUnreachableException>(() => AkkaRpcClient.ConnectAsync("orders", bad));
        Assert.Contains("node-address", refused.Message, StringComparison.Ordinal);

        // The refused client harmed nothing: the pinned one is still served.
        await using var again = await AkkaRpcClient.ConnectAsync("orders", good);
        Assert.Equal(8L, (await again.QueryAsync("SELECT 8")).Scalar());
    }

    [Fact]
    public void ANonLoopbackDotNettyListener_WithoutACertificate_IsRefused_SayingWhy()
    {
        var error = Assert.Throws<ArgumentException>(() => new NodeTransportOptions { DotNettyEnabled = true, DotNettyHostname = "0.0.0.0" }.ToConfig());

        Assert.Contains("no authentication", error.Message, StringComparison.Ordinal);
        Assert.Contains("akkarpc.remote.dotnetty.certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANodeAddressThatIsNotAnAkkaAddress_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new AkkaRpcClientOptions { NodeAddress = "http://localhost:4053" }.Validate());

        Assert.Contains("node-address", error.Message, StringComparison.Ordinal);
    }

    private static AkkaRpcClientOptions ClientOf(TestNode node)
    {
        var options = node.ClientOptions();
        options.NodeAddress = node.Addresses.Single(a => a.Protocol is "akka.tcp" or "akka.ssl.tcp").ToString();
        return options;
    }

    private string Certificate(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=akkarpc-{name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_dir, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }
}
