namespace AkkaRpc.Services;

/// <summary>A service threw an exception its <see cref="ServiceOptions.IsFatal"/> marks fatal: the actor fails with this, and its supervisor restarts it with a new instance.</summary>
internal sealed class ServiceFatalException(string message, Exception innerException) : Exception(message, innerException);
