namespace AkkaRpc.Protocol;

/// <summary>The cursor does not exist: it was exhausted, closed, expired after idling, or belonged to an owner that has restarted (or, in a cluster, moved to another member).</summary>
/// <param name="CursorId">The id asked for.</param>
public sealed record CursorNotFound(long CursorId) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"Cursor {CursorId} does not exist: it was read to the end, closed, expired after idling, or its owner restarted or moved to another cluster member. Run the query again.";
}
