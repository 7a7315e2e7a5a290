namespace AkkaRpc.Client;

/// <summary>
/// The connection to the node closed while the request was in flight: it may or may not have run. It is never
/// retried automatically (a write might run twice), except reads marked idempotent. The next call reconnects.
/// </summary>
public sealed class ConnectionLostException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public ConnectionLostException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ConnectionLostException()
        : this("The connection to the node was lost; the outcome of the request is unknown.")
    {
    }

    /// <inheritdoc/>
    public override bool OutcomeUnknown => true;
}
