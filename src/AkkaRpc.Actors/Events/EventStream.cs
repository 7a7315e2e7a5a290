namespace AkkaRpc.Actors;

/// <summary>A system-wide publish/subscribe bus by message type (dead letters, unhandled messages, ...).</summary>
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private (IActorRef Subscriber, Type Channel)[] _subscriptions = [];

    /// <summary>Delivers every published event assignable to <paramref name="channel"/> to <paramref name="subscriber"/>.</summary>
    public void Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, (subscriber, channel)];
        }
    }

    /// <summary>Removes all of <paramref name="subscriber"/>'s subscriptions.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => !s.Subscriber.Equals(subscriber)).ToArray();
        }
    }

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        foreach (var (subscriber, channel) in Volatile.Read(ref _subscriptions))
        {
            if (channel.IsAssignableFrom(type))
            {
                subscriber.Tell(@event, null);
            }
        }
    }
}
