namespace AkkaRpc.Services;

/// <summary>What a generated proxy sends its calls over: a connection to one service, and the exclusive session it calls in, if any.</summary>
public sealed class ServiceChannel
{
    internal ServiceChannel(ServiceConnection connection, long sessionId)
    {
        Connection = connection;
        SessionId = sessionId;
    }

    /// <summary>Gets the service's name.</summary>
    public string ServiceName => Connection.Name;

    internal ServiceConnection Connection { get; }

    internal long SessionId { get; }
}
