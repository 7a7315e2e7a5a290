using AkkaRpc.Client;

namespace AkkaRpc.Services;

/// <summary>
/// The service threw an exception its interface does not declare (<see cref="ThrowsAttribute"/>): its type name,
/// message and stack as the host saw them. The service keeps running.
/// </summary>
public sealed class RemoteServiceException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public RemoteServiceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
        RemoteTypeName = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public RemoteServiceException()
        : this("The service failed.")
    {
    }

    /// <summary>Creates the exception for a remote one.</summary>
    /// <param name="remoteTypeName">The full name of the exception's type on the host.</param>
    /// <param name="remoteMessage">Its message.</param>
    /// <param name="remoteStackTrace">Its stack trace on the host.</param>
    public RemoteServiceException(string remoteTypeName, string remoteMessage, string? remoteStackTrace)
        : base($"The service threw {remoteTypeName}: {remoteMessage}", null)
    {
        RemoteTypeName = remoteTypeName;
        RemoteMessage = remoteMessage;
        RemoteStackTrace = remoteStackTrace;
    }

    /// <summary>Gets the full name of the exception's type on the host.</summary>
    public string RemoteTypeName { get; }

    /// <summary>Gets the exception's own message.</summary>
    public string? RemoteMessage { get; }

    /// <summary>Gets the exception's stack trace on the host.</summary>
    public string? RemoteStackTrace { get; }
}
