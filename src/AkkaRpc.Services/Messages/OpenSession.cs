namespace AkkaRpc.Services;

/// <summary>Asks for the service to oneself until <see cref="CloseSession"/>, the lease passing idle, or the holder's death; waits its turn like a call.</summary>
/// <param name="Lease">How long the session may idle between calls before the service takes it back.</param>
public sealed record OpenSession(TimeSpan Lease) : ServiceRequest;
