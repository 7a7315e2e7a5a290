namespace AkkaRpc.Services;

/// <summary>The request was refused as invalid (a lease out of range); it did not run.</summary>
public sealed record ServiceRefused(string Reason) : ServiceReply;
