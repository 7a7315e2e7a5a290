using Akka.Actor;
using Akka.Event;
using Akka.Remote;

namespace AkkaRpc.Services;

internal sealed partial class ServiceActor
{
    private const string LeaseTimer = "lease";
    private Session? _session;
    private long _sessionIds;
    private long _expiredSession;

    private void StartSession(Pending pending, OpenSession open)
    {
        if (open.Lease <= TimeSpan.Zero || open.Lease > _options.MaxSessionLease)
        {
            Reply(pending, new ServiceRefused($"a session lease of {open.Lease} is outside (0, {_options.MaxSessionLease}] (ServiceOptions.MaxSessionLease)"));
            return;
        }

        // The holder is the caller's long-lived session actor: watching it ends the session when it stops or, for a
        // remote caller, when Akka.Remote's failure detector says its process is gone. An ask's temporary reference
        // stops once the reply reaches it, so it is never watched: then the lease alone bounds the session.
        var holder = open.Header.Caller ?? pending.ReplyTo;
        if (holder.Path.Elements is not ["temp", ..])
        {
            Context.Watch(holder);
        }

        _session = new Session(++_sessionIds, holder, open.Lease, new Queue<Pending>());
        Timers.StartSingleTimer(LeaseTimer, new LeaseExpired(_session.Id), open.Lease);
        _log.Debug("Service {0}: session {1} opened for {2}", _name, _session.Id, holder);
        Reply(pending, new SessionOpened(_session.Id, open.Lease));
    }

    private void RenewLease()
    {
        if (_session is { } session)
        {
            // Starting a timer under the same key replaces the old one, and Akka drops its message even if already queued.
            Timers.StartSingleTimer(LeaseTimer, new LeaseExpired(session.Id), session.Lease);
        }
    }

    private void EndSession(bool expired, string why)
    {
        if (_session is not { } session)
        {
            return;
        }

        if (expired)
        {
            _expiredSession = session.Id;
            _log.Warning("Service {0}: session {1} {2}; the other callers go on", _name, session.Id, why);
        }
        else
        {
            _log.Debug("Service {0}: session {1} {2}", _name, session.Id, why);
        }

        Timers.Cancel(LeaseTimer);
        Context.Unwatch(session.Holder);
        _session = null;

        // The holder's calls still queued can no longer run in the session.
        foreach (var pending in session.Calls)
        {
            _queued--;
            Reply(pending, new SessionNotFound(session.Id, expired));
        }

        RunNext();
    }

    private void PeerGone(DisassociatedEvent gone)
    {
        // The connection from a caller's process closed: its client has already failed what it was waiting for, so its
        // session ends now (death watch would wait out the failure detector) and its queued calls are dropped unrun.
        if (_session is { } session && session.Holder.Path.Address.Equals(gone.RemoteAddress))
        {
            EndSession(expired: false, "lost its holder's connection");
        }

        foreach (var caller in _byCaller.Keys.Where(c => c.Path.Address.Equals(gone.RemoteAddress)).ToList())
        {
            _queued -= _byCaller[caller].Count;
            _byCaller.Remove(caller);
        }

        if (_rotation.Any(c => !_byCaller.ContainsKey(c)))
        {
            var kept = _rotation.Where(_byCaller.ContainsKey).ToList();
            _rotation.Clear();
            foreach (var caller in kept)
            {
                _rotation.Enqueue(caller);
            }
        }
    }

    private sealed record Session(long Id, IActorRef Holder, TimeSpan Lease, Queue<Pending> Calls);

    private sealed record LeaseExpired(long SessionId);
}
