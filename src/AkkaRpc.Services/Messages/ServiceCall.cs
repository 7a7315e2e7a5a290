namespace AkkaRpc.Services;

/// <summary>The base of every generated call message: one per interface method, carrying its arguments.</summary>
public abstract record ServiceCall : ServiceRequest
{
    /// <summary>Gets the method's wire id (its position in the interface, from 1).</summary>
    public abstract int MethodId { get; }
}
