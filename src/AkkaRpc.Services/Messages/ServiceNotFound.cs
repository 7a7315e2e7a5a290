namespace AkkaRpc.Services;

/// <summary>Answers <see cref="ResolveService"/>: this host has no service of that name.</summary>
public sealed record ServiceNotFound(string Name) : ServiceReply;
