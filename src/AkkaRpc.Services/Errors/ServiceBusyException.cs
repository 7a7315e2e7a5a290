using AkkaRpc.Client;

namespace AkkaRpc.Services;

/// <summary>The service's queue was full</summary>
public sealed class ServiceBusyException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public ServiceBusyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ServiceBusyException()
        : this(" the call did not run; retry after a pause.:The service is busy.")
    {
    }
}
