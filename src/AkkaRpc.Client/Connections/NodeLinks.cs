using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;
using Akka.Remote;

namespace AkkaRpc.Client;

/// <summary>
/// The client system's <see cref="NodeLink"/>s, kept current by an actor that listens to Akka.Remote's association
/// events (<see cref="AssociatedEvent"/>, <see cref="DisassociatedEvent"/>, <see cref="AssociationErrorEvent"/>).
/// </summary>
internal sealed class NodeLinks
{
    private readonly ConcurrentDictionary<Address, NodeLink> _links = new();
    private readonly ConcurrentDictionary<object, CancellationTokenSource> _undelivered = new(ReferenceEqualityComparer.Instance);

    private readonly bool _assumeAssociated;
    private Recent? _recent;
    private readonly Action<NodeLinks>? _dropped;

    private NodeLinks(bool assumeAssociated, Action<NodeLinks>? dropped)
    {
        _assumeAssociated = assumeAssociated;
        _dropped = dropped;
    }

    /// <summary>
    /// Starts listening to <paramref name="system"/>'s association events. <paramref name="assumeAssociated"/> makes
    /// every link start as up, for a system that may have associated before this listened (then a request that drops
    /// counts as outcome unknown until events say more). <paramref name="dropped"/> is called (on the monitor's thread)
    /// each time a live association drops; a failed attempt to associate does not call it.
    /// </summary>
    public static NodeLinks Start(ActorSystem system, bool assumeAssociated, Action<NodeLinks>? dropped = null)
    {
        var links = new NodeLinks(assumeAssociated, dropped);
        var monitor = system.ActorOf(Props.Create(() => new AssociationMonitor(links)), "akkarpc-associations-" + Guid.NewGuid().ToString("n"));

        // Subscribed here, not in PreStart, so no event published after Start returns can be missed.
        system.EventStream.Subscribe(monitor, typeof(AssociatedEvent));
        system.EventStream.Subscribe(monitor, typeof(DisassociatedEvent));
        system.EventStream.Subscribe(monitor, typeof(AssociationErrorEvent));
        system.EventStream.Subscribe(monitor, typeof(DeadLetter));
        return links;
    }

    /// <summary>
    /// Cancels <paramref name="undelivered"/> if <paramref name="message"/> turns up in this system's dead letters:
    /// Akka.Remote dropped it before it left (handed to an endpoint that was closing). False if the same message object
    /// is already watched (a shared instance asked twice at once), which then relies on the association deadline.
    /// </summary>
    public bool WatchDelivery(object message, CancellationTokenSource undelivered) => _undelivered.TryAdd(message, undelivered);

    /// <summary>Stops watching <paramref name="message"/>.</summary>
    public void UnwatchDelivery(object message) => _undelivered.TryRemove(message, out _);

    /// <summary>The link to <paramref name="node"/>.</summary>
    public NodeLink For(Address node)
    {
        // Every request looks its node up, nearly always with the same Address object as the last one: comparing the
        // reference skips hashing and comparing the address's strings. A link, once added, is never replaced.
        if (Volatile.Read(ref _recent) is { } recent && ReferenceEquals(recent.Address, node))
        {
            return recent.Link;
        }

        var link = _links.GetOrAdd(node, static (a, up) => new NodeLink(a, up), _assumeAssociated);
        Volatile.Write(ref _recent, new Recent(node, link));
        return link;
    }

    private sealed record Recent(Address Address, NodeLink Link);

    private sealed class AssociationMonitor : ReceiveActor
    {
        public AssociationMonitor(NodeLinks links)
        {
            Receive<AssociatedEvent>(e => links.For(e.RemoteAddress).Associated());
            Receive<AssociationErrorEvent>(e => Dropped(links.For(e.RemoteAddress).Lost(e.Cause?.InnerException?.Message ?? e.Cause?.Message ?? e.ToString())));
            Receive<DisassociatedEvent>(e => Dropped(links.For(e.RemoteAddress).Disassociated()));
            Receive<DeadLetter>(d =>
            {
                var message = d.Message is IWrappedMessage wrapped ? wrapped.Message : d.Message;
                if (links._undelivered.TryGetValue(message, out var undelivered))
                {
                    undelivered.Cancel();
                }
            });

            void Dropped(bool wasUp)
            {
                if (wasUp)
                {
                    links._dropped?.Invoke(links);
                }
            }
        }
    }
}
