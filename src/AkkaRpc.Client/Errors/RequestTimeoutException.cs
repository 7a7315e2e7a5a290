namespace AkkaRpc.Client;

/// <summary>
/// No reply arrived within the request's timeout. The request may still run (or have run) on the node; raise the
/// timeout with <see cref="RequestOptions.Timeout"/> or <see cref="AkkaRpcClientOptions.RequestTimeout"/> for long statements.
/// </summary>
public sealed class RequestTimeoutException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public RequestTimeoutException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RequestTimeoutException()
        : this("The request timed out; its outcome is unknown.")
    {
    }

    /// <inheritdoc/>
    public override bool OutcomeUnknown => true;
}
