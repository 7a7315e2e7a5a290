namespace AkkaRpc.Protocol.Serialization;

/// <summary>The bytes received are not a valid encoding: the peer is broken or hostile, and the connection must be closed.</summary>
/// <remarks>Readers throw only this for bad input, so the transport can tell a desynchronised peer from a bug.</remarks>
public sealed class WireFormatException : Exception
{
    /// <summary>Creates the exception with a message that says what was being read and why it is invalid.</summary>
    public WireFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the failure that revealed the bad input.</summary>
    public WireFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public WireFormatException()
        : base("The input is not a valid AkkaRpc wire encoding.")
    {
    }
}
