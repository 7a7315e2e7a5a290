namespace AkkaRpc.Services;

/// <summary>The base of every generated result message: one per interface method that returns a value.</summary>
public abstract record ServiceResult : ServiceReply;
