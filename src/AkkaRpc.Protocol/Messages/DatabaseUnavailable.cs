namespace AkkaRpc.Protocol;

/// <summary>The database's owner has failed and is being restarted, or could not open the file.</summary>
/// <param name="Name">The database's name.</param>
/// <param name="LastFailure">The failure that made it unavailable.</param>
public sealed record DatabaseUnavailable(string Name, string LastFailure) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"Database '{Name}' is unavailable ({LastFailure}). Retry later; if it persists, check the file, the disk and the node's log.";
}
