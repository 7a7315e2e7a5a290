namespace AkkaRpc.Actors;

/// <summary>
/// An actor that declares its handlers in the constructor with <c>Receive&lt;T&gt;</c>; the first matching handler,
/// in declaration order, gets the message. <see cref="Become(Action)"/> swaps in another set.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private HandlerSet _building = new();
    private HandlerSet? _initial;

    /// <summary>Handles messages of type <typeparamref name="T"/> (that satisfy <paramref name="shouldHandle"/>, if given).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _building.Add(new SyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Receive(handler, shouldHandle);
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="handler"/> returns true.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _building.Add(new PredicateHandler<T>(handler));
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: no other user message is processed until the
    /// returned task completes, continuations run in the actor's context, and a faulted task fails the actor.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _building.Add(new AsyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>, asynchronously.</summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ReceiveAsync(handler, shouldHandle);
    }

    /// <summary>Handles any message no earlier handler took.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _building.Add(new SyncHandler<object>(handler, null));
    }

    /// <summary>Handles any message asynchronously (see <c>ReceiveAsync</c>).</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _building.Add(new AsyncHandler<object>(handler, null));
    }

    /// <summary>Replaces the current handlers with those <paramref name="configure"/> declares.</summary>
    protected void Become(Action configure) => Context.Become(Build(configure));

    /// <summary>Pushes the handlers <paramref name="configure"/> declares; <see cref="UnbecomeStacked"/> pops them.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Build(configure));

    /// <summary>Returns to the handlers in force before the last <see cref="BecomeStacked"/>.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        // The constructor's handlers become the initial behaviour on first use.
        _initial ??= Seal();
        return _initial.TryHandle(message);
    }

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _building;
        _building = new HandlerSet();
        try
        {
            configure();
            return _building.TryHandle;
        }
        finally
        {
            _building = previous;
        }
    }

    private HandlerSet Seal()
    {
        var set = _building;
        _building = new HandlerSet();
        return set;
    }

    /// <summary>The handlers of one behaviour, with a per-message-type cache of the candidates in declaration order.</summary>
    private sealed class HandlerSet
    {
        private readonly List<Handler> _handlers = [];
        private readonly Dictionary<Type, Handler[]> _byType = [];

        public void Add(Handler handler)
        {
            _handlers.Add(handler);
            _byType.Clear();
        }

        public bool TryHandle(object message)
        {
            var type = message.GetType();
            if (!_byType.TryGetValue(type, out var candidates))
            {
                candidates = _handlers.Where(h => h.MessageType.IsAssignableFrom(type)).ToArray();
                _byType[type] = candidates;
            }

            foreach (var handler in candidates)
            {
                if (handler.TryHandle(message))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private abstract class Handler
    {
        public abstract Type MessageType { get; }

        public abstract bool TryHandle(object message);
    }

    private sealed class SyncHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : Handler
    {
        public override Type MessageType => typeof(T);

        public override bool TryHandle(object message)
        {
            var typed = (T)message;
            if (shouldHandle is not null && !shouldHandle(typed))
            {
                return false;
            }

            handler(typed);
            return true;
        }
    }

    private sealed class PredicateHandler<T>(Func<T, bool> handler) : Handler
    {
        public override Type MessageType => typeof(T);

        public override bool TryHandle(object message) => handler((T)message);
    }

    private sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : Handler
    {
        public override Type MessageType => typeof(T);

        public override bool TryHandle(object message)
        {
            var typed = (T)message;
            if (shouldHandle is not null && !shouldHandle(typed))
            {
                return false;
            }

            ActorCell.Current!.RunAsyncHandler(typed, handler);
            return true;
        }
    }
}
