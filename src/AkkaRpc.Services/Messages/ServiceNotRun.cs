namespace AkkaRpc.Services;

/// <summary>The call certainly did not run (the service restarted or stopped while it waited): the caller may send it again.</summary>
public sealed record ServiceNotRun(string Reason) : ServiceReply;
