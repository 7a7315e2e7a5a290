namespace AkkaRpc.Protocol;

/// <summary>
/// In a cluster: the member that hosted the database's owner was lost (it died or was downed) while the request was in
/// flight, so its outcome is unknown: it may or may not have run. The cluster starts the owner again on a survivor; the
/// next request goes there. A client treats it as a lost connection.
/// </summary>
/// <param name="Name">The database's name.</param>
/// <param name="Member">The lost member's address.</param>
public sealed record OwnerLost(string Name, string Member) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"The cluster member that hosted the owner of database '{Name}' ({Member}) was lost while the request was in flight: the outcome is unknown, it may or may not have run. The owner starts again on another member; the next request goes there.";
}
