namespace AkkaRpc.Actors;

/// <summary>When a <see cref="BackoffSupervisor"/> restarts its child.</summary>
public enum BackoffMode
{
    /// <summary>Restart after the child fails (a restart directive); a child that stops by itself stops the supervisor too.</summary>
    OnFailure,

    /// <summary>Restart after the child stops for any reason.</summary>
    OnStop,
}

/// <summary>Settings of a <see cref="BackoffSupervisor"/>; build them with <see cref="Backoff"/>.</summary>
/// <param name="Mode">When to restart.</param>
/// <param name="ChildProps">How to make the child.</param>
/// <param name="ChildName">The child's name.</param>
/// <param name="MinBackoff">The first restart delay.</param>
/// <param name="MaxBackoff">The cap on the doubling delay.</param>
/// <param name="RandomFactor">Adds up to this fraction of random jitter to each delay (0 for none).</param>
public sealed record BackoffOptions(BackoffMode Mode, Props ChildProps, string ChildName, TimeSpan MinBackoff, TimeSpan MaxBackoff, double RandomFactor)
{
    /// <summary>Restarts allowed before the supervisor gives up and stops; -1 for no limit.</summary>
    public int MaxNrOfRetries { get; init; } = -1;

    /// <summary>A child that runs this long without failing resets the delay to <see cref="MinBackoff"/>. Default: <see cref="MinBackoff"/>.</summary>
    public TimeSpan? ResetBackoff { get; init; }

    /// <summary>Maps a child failure to a directive; a restart directive means "restart after the backoff delay".</summary>
    public Func<Exception, Directive> Decider { get; init; } = SupervisorStrategy.DefaultDecider;

    /// <summary>Resets the delay after the child has run for <paramref name="resetBackoff"/>.</summary>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoff) => this with { ResetBackoff = resetBackoff };

    /// <summary>Gives up after <paramref name="maxNrOfRetries"/> restarts.</summary>
    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries) => this with { MaxNrOfRetries = maxNrOfRetries };

    /// <summary>Uses <paramref name="decider"/> for child failures.</summary>
    public BackoffOptions WithDecider(Func<Exception, Directive> decider) => this with { Decider = decider };

    /// <summary>Akka's delay: <c>min(max, min * 2^restartCount) * (1 + random * randomFactor)</c>.</summary>
    public TimeSpan DelayFor(int restartCount, double random)
    {
        var exponent = Math.Min(restartCount, 30);
        var ticks = Math.Min(MaxBackoff.Ticks, MinBackoff.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)(ticks * (1 + (random * RandomFactor))));
    }
}

/// <summary>Builders for <see cref="BackoffOptions"/>, as in Akka.Pattern.</summary>
public static class Backoff
{
    /// <summary>Restart the child with growing delays after it fails.</summary>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        Create(BackoffMode.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>Restart the child with growing delays after it stops.</summary>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        Create(BackoffMode.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor);

    private static BackoffOptions Create(BackoffMode mode, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, minBackoff);
        ArgumentOutOfRangeException.ThrowIfNegative(randomFactor);
        if (!ActorPath.IsValidPathElement(childName))
        {
            throw new InvalidActorNameException($"Invalid child name '{childName}'.");
        }

        return new BackoffOptions(mode, childProps, childName, minBackoff, maxBackoff, randomFactor);
    }
}
