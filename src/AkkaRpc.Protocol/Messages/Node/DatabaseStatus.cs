namespace AkkaRpc.Protocol;

/// <summary>One database in a <see cref="NodeStatus"/>.</summary>
/// <param name="Name">The database's name.</param>
/// <param name="State">Whether it is serving requests.</param>
/// <param name="MailboxDepth">Requests queued for its owner and not yet taken (those stashed behind a transaction are not counted).</param>
/// <param name="LastFailure">Its most recent failure since it was first opened (or, when unavailable, the one that made it so); null if none.</param>
public sealed record DatabaseStatus(string Name, DatabaseState State, int MailboxDepth, string? LastFailure);
