namespace AkkaRpc.Protocol;

/// <summary>No database of that name exists, and the node does not create databases on demand.</summary>
/// <param name="Name">The name asked for.</param>
public sealed record DatabaseNotFound(string Name) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"Database '{Name}' does not exist on this node. Check the name, or allow the node to create databases.";
}
