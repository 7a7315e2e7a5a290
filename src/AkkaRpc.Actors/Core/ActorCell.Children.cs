namespace AkkaRpc.Actors;

internal sealed partial class ActorCell
{
    // Locked: children are created by the parent, but also by ActorSystem.ActorOf and looked up by selections
    // from any thread.
    private readonly Dictionary<string, ChildRestartStats> _children = new(StringComparer.Ordinal);
    private long _nextChildName;

    public IReadOnlyCollection<IActorRef> GetChildren()
    {
        lock (_children)
        {
            return _children.Values.Select(c => (IActorRef)c.Child.Self).ToArray();
        }
    }

    public IActorRef? Child(string name) => GetChildCell(name)?.Self;

    public ActorCell? GetChildCell(string name)
    {
        lock (_children)
        {
            return _children.TryGetValue(name, out var stats) ? stats.Child : null;
        }
    }

    public IReadOnlyList<ActorCell> GetChildCells()
    {
        lock (_children)
        {
            return _children.Values.Select(c => c.Child).ToArray();
        }
    }

    private bool HasChildren
    {
        get
        {
            lock (_children)
            {
                return _children.Count > 0;
            }
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null && !ActorPath.IsValidPathElement(name))
        {
            throw new InvalidActorNameException(
                $"Invalid actor name '{name}': use letters, digits and -_.*+:@&=,!~';\" or %-escapes, and do not start with '$'.");
        }

        ActorCell child;
        lock (_children)
        {
            if (_isTerminating)
            {
                throw new InvalidOperationException($"Cannot create a child of {Self.Path}: it is stopping.");
            }

            name ??= ActorPath.GenerateName(_nextChildName++);
            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name '{name}' is not unique under {Self.Path}.");
            }

            child = new ActorCell(System, Self, (Self.Path / name).WithUid(System.NewUid()), props);
            _children.Add(name, new ChildRestartStats(child));
        }

        child.Start();
        return child.Self;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef local && GetChildStats(local) is { } child)
        {
            StopChild(child.Child);
            return;
        }

        ((InternalActorRef)actor).Stop();
    }

    private ChildRestartStats? GetChildStats(IActorRef child)
    {
        lock (_children)
        {
            return _children.TryGetValue(child.Path.Name, out var stats) && stats.Child.Self.Equals(child) ? stats : null;
        }
    }

    private IReadOnlyList<ChildRestartStats> GetAllChildStats()
    {
        lock (_children)
        {
            return _children.Values.ToArray();
        }
    }

    /// <returns>True if <paramref name="child"/> was a child of this cell.</returns>
    private bool RemoveChild(IActorRef child)
    {
        lock (_children)
        {
            return _children.TryGetValue(child.Path.Name, out var stats)
                && stats.Child.Self.Equals(child)
                && _children.Remove(child.Path.Name);
        }
    }
}
