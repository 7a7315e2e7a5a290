using AkkaRpc.Bench.Running;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Tests.Running;

/// <summary>What a run checks before it starts anything: where its coordinator may listen.</summary>
public sealed class BenchSuiteTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-bench-suite-");

    [Fact]
    public void ACoordinatorBeyondLoopback_OnAkkaRpcsTransport_IsRefused_UnlessAllowed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new BenchSuite(Options("192.0.2.10:4100", Config("")), _ => { }));

        Assert.Contains("192.0.2.10", error.Message, StringComparison.Ordinal);
        Assert.Contains("akkarpc.remote.allow-non-loopback = on", error.Message, StringComparison.Ordinal);
        Assert.Contains("AKKARPC__REMOTE__ALLOW-NON-LOOPBACK=on", error.Message, StringComparison.Ordinal);
        _ = new BenchSuite(Options("192.0.2.10:4100", Config("akkarpc.remote.allow-non-loopback = on")), _ => { });
        _ = new BenchSuite(Options("127.0.0.1:0", Config("")), _ => { });
    }

    [Fact]
    public void ACoordinatorBeyondLoopback_OnTheStockTransport_StaysPossible_ForComparisonRuns()
    {
        _ = new BenchSuite(Options("192.0.2.10:4100", Config("akkarpc.bench.remote.transport = \"akka.remote.dot-netty.tcp\"")), _ => { });
    }

    [Fact]
    public void AListenAddressThatIsNotHostAndPort_IsRefused()
    {
        Assert.Throws<FormatException>(() => new BenchSuite(Options("4100", Config("")), _ => { }));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private string Config(string hocon)
    {
        string path = Path.Combine(_directory.FullName, Guid.NewGuid().ToString("N") + ".conf");
        File.WriteAllText(path, hocon);
        return path;
    }

    private static BenchRunOptions Options(string listen, string config) => new(
        BenchSuiteKind.Full, BenchSettings.Quick, Quick: true, [SystemCatalog.InProcess], Node: null, Workers: 1, listen, TimeSpan.FromSeconds(1), config);
}
