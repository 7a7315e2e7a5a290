using AkkaRpc.Client;

namespace AkkaRpc.Services;

/// <summary>No host answered with a service of this name where the client looked; the message says where.</summary>
public sealed class ServiceNotFoundException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public ServiceNotFoundException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ServiceNotFoundException()
        : this("The service was not found.")
    {
    }
}
