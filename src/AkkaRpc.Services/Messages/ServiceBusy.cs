namespace AkkaRpc.Services;

/// <summary>The service's queue was full: the call did not run.</summary>
public sealed record ServiceBusy(int QueueLimit) : ServiceReply;
