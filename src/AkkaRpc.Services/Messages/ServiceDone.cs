namespace AkkaRpc.Services;

/// <summary>A call to a method with no result completed.</summary>
public sealed record ServiceDone : ServiceReply
{
    /// <summary>Gets the one instance.</summary>
    public static ServiceDone Instance { get; } = new();
}
