using Akka.Configuration;
using Akka.Hosting;

namespace AkkaRpc.Hosting.Tests;

/// <summary>
/// <c>WithAkkaRpcNode(config)</c> promises that "the file's and the flags' own akka.* settings win over ours, so an
/// operator can tune Akka itself": here the transport's own knobs, which <c>akkarpc.remote</c> does not cover.
/// </summary>
public sealed class NodeAkkaSettingsSpec() : NodeSpec("settings")
{
    protected override Config Overrides => ConfigurationFactory.ParseString("""
        akka.remote.rpc-unix.max-handshaking-connections = 8
        akka.remote.rpc-unix.write-stall-timeout = 3s
        """);

    protected override IEnumerable<string> Settings => ["--akka:remote:rpc-unix:backlog=16"];

    [Fact]
    public void TheOperatorsAkkaSettings_FromTheFileAndTheFlags_WinOverTheTransportDefaults()
    {
        var config = Sys.Settings.Config;

        Assert.Equal(
            (8, TimeSpan.FromSeconds(3), 16),
            (config.GetInt("akka.remote.rpc-unix.max-handshaking-connections"), config.GetTimeSpan("akka.remote.rpc-unix.write-stall-timeout"), config.GetInt("akka.remote.rpc-unix.backlog")));
    }
}

/// <summary>The drain on <see cref="Akka.Actor.CoordinatedShutdown"/> gets the time its ask allows (30 s), not Akka's default 5 s phase timeout.</summary>
public sealed class DrainPhaseSpec() : NodeSpec("drain")
{
    [Fact]
    public void TheServiceRequestsDonePhase_WaitsAsLongAsTheDrainMay()
    {
        // Past the phase's timeout CoordinatedShutdown stops waiting for the drain task and terminates the system.
        Assert.True(
            Akka.Actor.CoordinatedShutdown.Get(Sys).Timeout(Akka.Actor.CoordinatedShutdown.PhaseServiceRequestsDone) >= TimeSpan.FromSeconds(30),
            $"service-requests-done times out after {Akka.Actor.CoordinatedShutdown.Get(Sys).Timeout(Akka.Actor.CoordinatedShutdown.PhaseServiceRequestsDone)}, cutting the 30 s drain short");
    }
}
