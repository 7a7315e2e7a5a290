namespace AkkaRpc.Services;

/// <summary>The session named is not held (it expired, its holder was taken for dead, or it never existed); the call did not run.</summary>
public sealed record SessionNotFound(long SessionId, bool Expired) : ServiceReply;
