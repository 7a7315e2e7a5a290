namespace AkkaRpc.Protocol;

/// <summary>The answer to <see cref="Ping"/>.</summary>
/// <param name="Name">The database's name.</param>
public sealed record Pong(string Name) : DatabaseReply;
