namespace AkkaRpc.Services;

/// <summary>What a service's actor answers: a result, or why there is none.</summary>
public abstract record ServiceReply;
