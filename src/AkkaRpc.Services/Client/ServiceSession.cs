namespace AkkaRpc.Services;

/// <summary>
/// An exclusive session: the service instance runs only this caller's calls (through <see cref="Service"/>) until the
/// session is disposed, its lease passes idle (each call renews it), or this client's connection drops. Other callers'
/// calls wait in the queue meanwhile.
/// </summary>
/// <typeparam name="TService">The service interface.</typeparam>
public sealed class ServiceSession<TService> : IAsyncDisposable
    where TService : class
{
    private readonly ServiceConnection _connection;
    private int _closed;

    internal ServiceSession(ServiceConnection connection, long id, TimeSpan lease, TService service)
    {
        _connection = connection;
        Id = id;
        Lease = lease;
        Service = service;
    }

    /// <summary>Gets the host's id of this session.</summary>
    public long Id { get; }

    /// <summary>Gets how long the session may idle between calls before the host takes it back.</summary>
    public TimeSpan Lease { get; }

    /// <summary>Gets the proxy whose calls run inside the session.</summary>
    public TService Service { get; }

    /// <summary>Ends the session, so the service serves the other callers again. A lost connection is not an error here: the host takes it back on its own.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        try
        {
            var reply = await _connection.RequestAsync(new CloseSession(Id), Id, CancellationToken.None).ConfigureAwait(false);
            if (reply is not SessionClosed and not SessionNotFound)
            {
                throw _connection.ToException(reply);
            }
        }
        catch (Client.AkkaRpcException)
        {
            // Lost, expired or unreachable: in every case the host has taken the session back or will when the lease ends.
        }
    }
}
