using Akka.Actor;

namespace AkkaRpc.Bench.Remoting;

/// <summary>Why one of the bench's actor systems shuts down through <see cref="CoordinatedShutdown"/>: its part of the run is over.</summary>
/// <param name="what">What ended, for Akka's log, e.g. "the run".</param>
internal sealed class BenchFinished(string what) : CoordinatedShutdown.Reason
{
    /// <summary>The coordinator's run ended (completed, failed or cancelled).</summary>
    public static readonly BenchFinished Run = new("the run");

    /// <summary>A worker's run ended (dismissed, coordinator gone, or cancelled).</summary>
    public static readonly BenchFinished Worker = new("the worker");

    /// <summary>A system under test that lives in the load process (the in-process owner) is no longer needed.</summary>
    public static readonly BenchFinished SystemUnderTest = new("the system under test");

    /// <inheritdoc/>
    public override int ExitCode => 0;

    /// <inheritdoc/>
    public override string ToString() => what + " finished";
}
