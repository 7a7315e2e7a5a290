using Akka.Event;
using Akka.TestKit;
using AkkaRpc.Transport.Connections;
using Microsoft.Extensions.Time.Testing;

namespace AkkaRpc.Transport.Tests;

/// <summary>Refused peers are logged in full once per interval, the rest summed into one line.</summary>
public sealed class RefusalLogTests : AkkaRpcTestKit
{
    [Fact]
    public void AThousandRefusals_OneFullLineThenOneSummaryPerInterval()
    {
        var clock = new FakeTimeProvider();
        TestProbe logs = CreateTestProbe();
        Sys.EventStream.Subscribe(logs.Ref, typeof(Warning));
        using var log = new RefusalLog(Logging.GetLogger(Sys, "refusals"), "rpc.tcp", TimeSpan.FromSeconds(10), clock);

        for (int i = 0; i < 1000; i++)
        {
            log.Report(i % 10 == 0 ? "10.0.0.2" : "10.0.0.1", i % 2 == 0 ? "silent or too slow" : "not speaking the protocol", $"peer {i} refused");
        }

        Assert.StartsWith("peer 0 refused (further refusals", $"{logs.ExpectMsg<Warning>().Message}", StringComparison.Ordinal);
        logs.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        clock.Advance(TimeSpan.FromSeconds(10));
        string summary = $"{logs.ExpectMsg<Warning>().Message}";
        Assert.Contains("999 more unauthenticated connections were refused or dropped in the last 10 s", summary, StringComparison.Ordinal);
        Assert.Contains("500 not speaking the protocol, 499 silent or too slow", summary, StringComparison.Ordinal);
        Assert.Contains("top sources: 10.0.0.1 (900), 10.0.0.2 (99)", summary, StringComparison.Ordinal);

        // Quiet afterwards: no timer, no line; the next refusal starts a new interval in full.
        clock.Advance(TimeSpan.FromSeconds(30));
        logs.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        log.Report("10.0.0.3", "silent or too slow", "peer 1000 refused");
        Assert.StartsWith("peer 1000 refused", $"{logs.ExpectMsg<Warning>().Message}", StringComparison.Ordinal);
    }
}
