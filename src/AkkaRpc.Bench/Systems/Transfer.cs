namespace AkkaRpc.Bench.Systems;

/// <summary>Payload bytes one operation moved each way.</summary>
/// <param name="Sent">Bytes the client sent.</param>
/// <param name="Received">Bytes the client received.</param>
internal readonly record struct Transfer(long Sent, long Received)
{
    /// <summary>An operation that moved no payload worth counting.</summary>
    public static Transfer None => default;
}
