namespace AkkaRpc.Services;

/// <summary>Answers <see cref="OpenSession"/>: the service is the caller's until the session ends.</summary>
public sealed record SessionOpened(long SessionId, TimeSpan Lease) : ServiceReply;
