namespace AkkaRpc.Protocol;

/// <summary>Confirms that a cursor is closed and its resources released.</summary>
/// <param name="CursorId">The cursor that was closed.</param>
public sealed record CursorClosed(long CursorId) : DatabaseReply;
