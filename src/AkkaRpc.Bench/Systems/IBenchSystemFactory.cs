namespace AkkaRpc.Bench.Systems;

/// <summary>Makes the client side of a system from its endpoint, in whichever process the load runs.</summary>
internal interface IBenchSystemFactory
{
    /// <summary>Returns a system for <paramref name="endpoint"/>; the same instance for the same endpoint.</summary>
    IBenchSystem Get(SystemEndpoint endpoint);
}
