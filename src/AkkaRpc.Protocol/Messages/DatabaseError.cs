namespace AkkaRpc.Protocol;

/// <summary>A reply that reports a failure; each kind of failure has its own sealed record.</summary>
public abstract record DatabaseError : DatabaseReply
{
    /// <summary>What went wrong and what the user can do about it.</summary>
    public abstract string Message { get; }
}
