using AkkaRpc.Client;

namespace AkkaRpc.Services;

/// <summary>An exclusive session is gone (its lease expired or the connection to its host was lost, so the host took it back), or was refused.</summary>
public sealed class ServiceSessionException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public ServiceSessionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ServiceSessionException()
        : this("The session is gone.")
    {
    }
}
