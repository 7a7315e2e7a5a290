namespace AkkaRpc.Services;

/// <summary>Asks a host's <c>/user/services</c> for the actor of the service <paramref name="Name"/>.</summary>
public sealed record ResolveService(string Name);
