namespace AkkaRpc.Services;

/// <summary>The base of every generated proxy: turns a call message into a request to the service's actor and its reply into a result or an exception.</summary>
public abstract class ServiceProxy
{
    /// <summary>Creates a proxy over <paramref name="channel"/>.</summary>
    protected ServiceProxy(ServiceChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Channel = channel;
    }

    /// <summary>Gets the channel the proxy sends over.</summary>
    public ServiceChannel Channel { get; }

    /// <summary>
    /// Sends <paramref name="call"/> and returns <paramref name="select"/> of its <typeparamref name="TReply"/> reply, or throws
    /// what the service or the connection reports. Returns the connection's task itself, with no async layer of its own.
    /// </summary>
    protected Task<TValue> CallAsync<TReply, TValue>(ServiceCall call, Func<TReply, TValue> select, CancellationToken cancellationToken)
        where TReply : ServiceReply
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(select);
        return Channel.Connection.RequestAsync(call, Channel.SessionId, select, cancellationToken);
    }

    /// <summary>Sends the one-way <paramref name="call"/>; completes once it is handed to the connection.</summary>
    protected Task NotifyAsync(ServiceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Channel.Connection.NotifyAsync(call, Channel.SessionId, cancellationToken);
    }
}
