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

    /// <summary>Sends <paramref name="call"/> and returns its reply as <typeparamref name="TReply"/>, or throws what the service or the connection reports.</summary>
    protected async Task<TReply> CallAsync<TReply>(ServiceCall call, CancellationToken cancellationToken)
        where TReply : ServiceReply
    {
        ArgumentNullException.ThrowIfNull(call);
        var reply = await Channel.Connection.RequestAsync(call, Channel.SessionId, cancellationToken).ConfigureAwait(false);
        return reply as TReply ?? throw Channel.Connection.ToException(reply);
    }

    /// <summary>Sends the one-way <paramref name="call"/>; completes once it is handed to the connection.</summary>
    protected Task NotifyAsync(ServiceCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Channel.Connection.NotifyAsync(call, Channel.SessionId, cancellationToken);
    }
}
