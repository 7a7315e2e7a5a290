namespace AkkaRpc.Services;

/// <summary>Answers <see cref="CloseSession"/>.</summary>
public sealed record SessionClosed(long SessionId) : ServiceReply;
