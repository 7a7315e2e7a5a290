namespace AkkaRpc.Services;

/// <summary>The call waited in the queue past its time limit and was dropped without running.</summary>
public sealed record ServiceCallExpired(TimeSpan TimeLimit) : ServiceReply;
