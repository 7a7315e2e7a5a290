using Akka.Actor;
using AkkaRpc.Client;

namespace AkkaRpc.Services;

/// <summary>
/// One client's link to one service: the resolved actor, and the request loop with the database client's failure rules.
/// A request that certainly never ran (no connection came up, the service restarted before it ran) is sent again after
/// finding the host anew; one that may have run fails with <see cref="ConnectionLostException"/> and is never resent.
/// </summary>
internal sealed class ServiceConnection : IAsyncDisposable
{
    private const int MaxUnsentRetries = 2;
    private readonly ClientRuntime _runtime;
    private readonly ServiceLocator _locator;
    private readonly Action<ActorSystem> _ensureSerialization;
    private readonly Func<int, string, Exception?> _declared;
    private readonly SemaphoreSlim _resolveGate = new(1, 1);
    private Target? _target;
    private ActorSystem? _serializing;
    private long _callIds;

    public ServiceConnection(string name, ClientRuntime runtime, ServiceLocator locator, AkkaRpcClientOptions options, Action<ActorSystem> ensureSerialization, Func<int, string, Exception?> declared, (Address Node, IActorRef Service) first)
    {
        Name = name;
        _runtime = runtime;
        _locator = locator;
        Options = options;
        _ensureSerialization = ensureSerialization;
        _declared = declared;
        _target = new Target(first.Node, first.Service);
    }

    public string Name { get; }

    public AkkaRpcClientOptions Options { get; }

    /// <summary>Sends <paramref name="request"/> and returns the reply, or throws the client exception for what went wrong.</summary>
    public Task<ServiceReply> RequestAsync(ServiceRequest request, long sessionId, CancellationToken cancellationToken) =>
        RequestAsync(request, sessionId, static (ServiceReply reply) => reply, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> and returns <paramref name="select"/> of its <typeparamref name="TReply"/> reply; any
    /// other reply is thrown as its client exception. A proxy call is this one method (one state machine, no layer above).
    /// </summary>
    public async Task<TValue> RequestAsync<TReply, TValue>(ServiceRequest request, long sessionId, Func<TReply, TValue> select, CancellationToken cancellationToken)
        where TReply : ServiceReply
    {
        var timeout = Options.RequestTimeout;
        var callId = Interlocked.Increment(ref _callIds);
        var unsent = 0;
        while (true)
        {
            var target = await TargetAsync(sessionId, cancellationToken).ConfigureAwait(false);
            request.Header = new CallHeader(Caller(), callId, sessionId, timeout, OneWay: false);
            ServiceReply reply;
            try
            {
                reply = await _runtime.AskAsync<ServiceReply>(target.Service, target.Node, request, timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (AssociationLostException e) when (!e.MayHaveArrived)
            {
                Invalidate(target);
                if (++unsent > MaxUnsentRetries)
                {
                    throw new NodeUnreachableException($"The call to the service '{Name}' could not be delivered to {target.Node}: {e.Reason}", e);
                }

                continue;
            }
            catch (AssociationLostException e)
            {
                Invalidate(target);
                throw new ConnectionLostException(
                    $"The connection to the host of the service '{Name}' ({target.Node}) was lost before the reply ({e.Reason}): the outcome is " +
                    "unknown, the call may or may not have run. It was not retried; the next call reconnects.", e);
            }
            catch (AskTimeoutException e)
            {
                Cancel(target, callId);
                throw new RequestTimeoutException(
                    $"No reply from the service '{Name}' within {timeout.TotalSeconds:0.###} s; the call may still run (its cancellation token fired). " +
                    "Raise client.request-timeout for long calls.", e);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Cancel(target, callId);
                throw;
            }

            if (reply is ServiceNotRun notRun && ++unsent <= MaxUnsentRetries && sessionId == 0)
            {
                // The service restarted or stopped before the call ran: it certainly did not run, so it goes again.
                _ = notRun;
                Invalidate(target);
                continue;
            }

            return reply is TReply expected ? select(expected) : throw ToException(reply);
        }
    }

    /// <summary>Sends a one-way call: done once handed to the connection.</summary>
    public async Task NotifyAsync(ServiceCall call, long sessionId, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        call.Header = new CallHeader(Caller(), Interlocked.Increment(ref _callIds), sessionId, TimeSpan.Zero, OneWay: true);
        target.Service.Tell(call, ActorRefs.NoSender);
    }

    /// <summary>The client exception for an error reply.</summary>
    public Exception ToException(ServiceReply reply) => reply switch
    {
        ServiceFailed failed => _declared(failed.DeclaredIndex, failed.Message) ?? new RemoteServiceException(failed.TypeName, failed.Message, failed.RemoteStackTrace),
        ServiceBusy busy => new ServiceBusyException($"The service '{Name}' is busy: its queue of {busy.QueueLimit} calls is full, and the call did not run. Retry after a pause."),
        ServiceCallExpired expired => new RequestTimeoutException(
            $"The call to the service '{Name}' waited in its queue past its {expired.TimeLimit.TotalSeconds:0.###} s limit and was dropped without running."),
        ServiceNotRun notRun => new ServiceBusyException($"The service '{Name}' did not run the call: {notRun.Reason}. Retry after a pause."),
        ServiceRefused refused => new ServiceSessionException($"The service '{Name}' refused the request: {refused.Reason}"),
        SessionNotFound gone => new ServiceSessionException(gone.Expired
            ? $"The exclusive session {gone.SessionId} on the service '{Name}' idled past its lease and was taken back; open a new one."
            : $"The exclusive session {gone.SessionId} on the service '{Name}' is gone (closed, or its holder was taken for dead); open a new one."),
        ServiceNotFound => new ServiceNotFoundException($"The host no longer has the service '{Name}'."),
        _ => new InvalidOperationException($"The service '{Name}' answered with {reply.GetType().Name}."),
    };

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    private IActorRef Caller()
    {
        // Calls are queued per caller, and an exclusive session ends when its holder stops: both mean this client's
        // long-lived session actor, which lives as long as its connection.
        var system = _runtime.System;
        if (!ReferenceEquals(system, Volatile.Read(ref _serializing)))
        {
            // Once per actor system (a dropped association moves the runtime to a new one), not per call.
            _ensureSerialization(system);
            Volatile.Write(ref _serializing, system);
        }

        return _runtime.Session;
    }

    private void Cancel(Target target, long callId) => target.Service.Tell(new CancelCall(_runtime.Session, callId), ActorRefs.NoSender);

    private void Invalidate(Target target) => Interlocked.CompareExchange(ref _target, null, target);

    private async ValueTask<Target> TargetAsync(long sessionId, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _target) is { } current)
        {
            return current;
        }

        if (sessionId != 0)
        {
            // A new connection (or host) knows nothing of the session: the host took it back when the old one dropped.
            throw new ServiceSessionException($"The exclusive session {sessionId} on the service '{Name}' is gone: the connection to its host was lost, so the host took it back.");
        }

        await _resolveGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _target) is { } resolved)
            {
                return resolved;
            }

            var (node, service) = await _locator.ResolveAsync(cancellationToken).ConfigureAwait(false);
            var fresh = new Target(node, service);
            Volatile.Write(ref _target, fresh);
            return fresh;
        }
        finally
        {
            _resolveGate.Release();
        }
    }

    private sealed record Target(Address Node, IActorRef Service);
}
