namespace AkkaRpc.Client;

/// <summary>Settings for one call.</summary>
/// <param name="Timeout">How long to wait for the reply; null for <see cref="AkkaRpcClientOptions.RequestTimeout"/>.</param>
/// <param name="Idempotent">
/// The call may safely run twice (a read). If the connection is lost while it is in flight, it is sent once more after
/// reconnecting instead of failing with <see cref="ConnectionLostException"/>. Never set it for writes.
/// </param>
public sealed record RequestOptions(TimeSpan? Timeout = null, bool Idempotent = false)
{
    /// <summary>A read that may be retried once after a lost connection.</summary>
    public static RequestOptions IdempotentRead { get; } = new(Idempotent: true);
}
