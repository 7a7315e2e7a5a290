namespace AkkaRpc.Services;

/// <summary>Ends an exclusive session.</summary>
public sealed record CloseSession(long SessionId) : ServiceRequest;
