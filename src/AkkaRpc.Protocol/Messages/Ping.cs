namespace AkkaRpc.Protocol;

/// <summary>Checks that the owner is alive and its database usable; answered by <see cref="Pong"/>.</summary>
public sealed record Ping : DatabaseRequest;
