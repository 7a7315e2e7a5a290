namespace AkkaRpc.Remote;

/// <summary>
/// The connection already has as many asks waiting for replies as <see cref="RemotingOptions.MaxPendingAsksPerConnection"/>
/// allows, so this one was not sent: nothing ran, and it may be sent again once some replies have arrived.
/// </summary>
public sealed class TooManyPendingAsksException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TooManyPendingAsksException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TooManyPendingAsksException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TooManyPendingAsksException()
        : this("Too many asks wait for replies on this connection; this one was not sent.", null)
    {
    }
}
