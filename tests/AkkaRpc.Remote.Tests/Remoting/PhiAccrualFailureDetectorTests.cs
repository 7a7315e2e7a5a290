using Microsoft.Extensions.Time.Testing;

namespace AkkaRpc.Remote.Tests.Remoting;

public sealed class PhiAccrualFailureDetectorTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(10);

    [Fact]
    public void RegularHeartbeats_KeepThePeerAvailable()
    {
        var clock = new FakeTimeProvider();
        var detector = new PhiAccrualFailureDetector(10.0, Interval, Pause, clock);
        for (var i = 0; i < 100; i++)
        {
            clock.Advance(Interval);
            detector.Heartbeat();
            Assert.True(detector.IsAvailable);
        }
    }

    [Fact]
    public void SilenceWithinTheAcceptablePause_IsTolerated_ButLongerSilenceIsSuspected()
    {
        var clock = new FakeTimeProvider();
        var detector = new PhiAccrualFailureDetector(10.0, Interval, Pause, clock);
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(Interval);
            detector.Heartbeat();
        }

        clock.Advance(Pause);
        Assert.True(detector.IsAvailable, $"phi {detector.Phi():0.00} after a silence of exactly the acceptable pause");

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(detector.IsAvailable, $"phi {detector.Phi():0.00} after {detector.Silence.TotalSeconds} s of silence");
    }

    [Fact]
    public void Phi_GrowsWithSilence()
    {
        var clock = new FakeTimeProvider();
        var detector = new PhiAccrualFailureDetector(10.0, Interval, Pause, clock);
        var previous = detector.Phi();
        for (var i = 0; i < 15; i++)
        {
            clock.Advance(Interval);
            var phi = detector.Phi();
            Assert.True(phi >= previous, $"phi fell from {previous} to {phi}");
            previous = phi;
        }
    }
}
