namespace AkkaRpc.Protocol;

/// <summary>
/// The request reached the node after the database's owner had stopped (closed when idle, or given up after failures),
/// so it did not run. The node answers this for the owner from its dead letters; a client resolves the database again
/// and resends.
/// </summary>
/// <param name="Name">The database whose owner had stopped.</param>
public sealed record OwnerStopped(string Name) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"The owner of database '{Name}' had stopped before the request arrived, so it did not run. Resolve the database again and resend.";
}
