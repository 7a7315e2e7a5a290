namespace AkkaRpc.Protocol;

/// <summary>
/// The owner already has as many requests queued as it accepts, so this one was refused at once without
/// running. Unlike <see cref="Busy"/> (a lock held by another connection), this is the owner's own back-pressure.
/// </summary>
/// <param name="Name">The database's name.</param>
/// <param name="Capacity">How many queued requests the owner accepts.</param>
public sealed record Overloaded(string Name, int Capacity) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"Database '{Name}' has {Capacity} requests queued, the most its owner accepts; this one did not run. Retry shortly, or lower the number of concurrent requests.";
}
