namespace AkkaRpc.Protocol;

/// <summary>A <see cref="Begin"/> asked for a lease that is not positive or longer than the node allows; no transaction started.</summary>
/// <param name="Requested">The lease asked for.</param>
/// <param name="Maximum">The longest lease the node grants.</param>
public sealed record LeaseOutOfRange(TimeSpan Requested, TimeSpan Maximum) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"A transaction lease of {Requested} is not allowed: it must be positive and at most {Maximum}. Ask for a shorter lease, or raise akkarpc.databases.max-lease.";
}
