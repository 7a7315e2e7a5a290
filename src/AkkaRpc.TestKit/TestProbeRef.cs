using System.Threading.Channels;
using AkkaRpc.Actors;

namespace AkkaRpc.TestKit;

/// <summary>
/// The reference behind a <see cref="TestProbe"/>: not an actor, just a queue. User messages go into a channel that the
/// test reads; of the system messages only death watch matters, so a probe can watch actors and be told they stopped.
/// </summary>
/// <remarks>
/// A probe is deliberately not a real actor: a real actor would process messages on the thread pool and need a
/// behaviour to hand them to the test, adding a hop and an ordering question for nothing. A channel keeps every
/// message, in arrival order, until the test asks for it.
/// </remarks>
internal sealed class TestProbeRef : InternalActorRef
{
    private readonly Channel<Envelope> _queue = Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly ActorSystem _system;
    private readonly Lock _gate = new();
    private readonly HashSet<IActorRef> _watching = [];

    // The Terminated instances this probe queued itself, by reference, so an Unwatch can cancel exactly those and a
    // Terminated that some actor sends the probe as an ordinary message is never touched.
    private readonly HashSet<Terminated> _queuedTerminated = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Terminated> _cancelledTerminated = new(ReferenceEqualityComparer.Instance);

    public TestProbeRef(ActorSystem system, ActorPath path)
    {
        _system = system;
        Path = path;
    }

    public override ActorPath Path { get; }

    public override ActorSystem System => _system;

    public ChannelReader<Envelope> Reader => _queue.Reader;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        _queue.Writer.TryWrite(new Envelope(message, sender));
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case DeathWatchNotification notification:
                lock (_gate)
                {
                    if (!_watching.Remove(notification.Actor))
                    {
                        return; // Not watched (any more): Akka delivers no Terminated.
                    }

                    var terminated = new Terminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated);
                    _queuedTerminated.Add(terminated);

                    // Written under the lock so an Unwatch never sees it registered but not yet queued.
                    Tell(terminated, notification.Actor);
                }

                break;
            case Watch watch when watch.Watchee.Equals(this):
                // Something watches the probe; a probe never stops, so it never has to answer.
                break;
        }
    }

    public void Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        bool added;
        lock (_gate)
        {
            added = _watching.Add(subject);
        }

        if (added)
        {
            ((InternalActorRef)subject).SendSystemMessage(new Watch(subject, this));
        }
    }

    public void Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        bool removed;
        lock (_gate)
        {
            removed = _watching.Remove(subject);

            // A Terminated already in the queue is dropped when read, as an actor drops one queued before Unwatch.
            foreach (var queued in _queuedTerminated.Where(t => t.ActorRef.Equals(subject)).ToList())
            {
                _queuedTerminated.Remove(queued);
                _cancelledTerminated.Add(queued);
            }
        }

        if (removed)
        {
            ((InternalActorRef)subject).SendSystemMessage(new Unwatch(subject, this));
        }
    }

    /// <summary>Takes the next message that is still wanted; a Terminated for an unwatched actor is skipped.</summary>
    public bool TryTake(out Envelope envelope)
    {
        while (_queue.Reader.TryRead(out envelope))
        {
            if (envelope.Message is Terminated terminated)
            {
                lock (_gate)
                {
                    _queuedTerminated.Remove(terminated);
                    if (_cancelledTerminated.Remove(terminated))
                    {
                        continue;
                    }
                }
            }

            return true;
        }

        return false;
    }
}
