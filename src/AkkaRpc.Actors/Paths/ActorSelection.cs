using System.Text.RegularExpressions;

namespace AkkaRpc.Actors;

/// <summary>
/// Actors chosen by a path that may be relative (<c>../b</c>) or hold wildcards (<c>*</c>, <c>?</c>). The path is
/// resolved each time a message is sent, so it reaches actors created later, and none that have stopped.
/// </summary>
public sealed class ActorSelection : ICanTell
{
    private readonly ActorSystem _system;
    private readonly ActorCell _anchor;
    private readonly string[] _elements;
    private readonly ICanTell? _remote;

    private ActorSelection(ActorSystem system, ActorCell anchor, string[] elements, string text, ICanTell? remote = null)
    {
        _system = system;
        _anchor = anchor;
        _elements = elements;
        _remote = remote;
        PathString = text;
    }

    /// <summary>The path as given.</summary>
    public string PathString { get; }

    internal static ActorSelection Create(ActorSystem system, ActorCell? relativeTo, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string elementsText;
        ActorCell anchor;
        if (path.Contains("://", StringComparison.Ordinal))
        {
            var parsed = ActorPath.Parse(path);
            if (!system.IsLocal(parsed.Address))
            {
                var remote = system.RemoteProvider?.CreateSelection(parsed) ?? throw new NotSupportedException(
                    $"'{path}' names another node ({parsed.Address}); start remoting on this system to reach it.");
                return new ActorSelection(system, system.RootCell, [.. parsed.Elements], path, remote);
            }

            anchor = system.RootCell;
            elementsText = parsed.ToStringWithoutAddress();
        }
        else if (path.StartsWith('/'))
        {
            anchor = system.RootCell;
            elementsText = path;
        }
        else
        {
            anchor = relativeTo ?? system.RootCell;
            elementsText = path;
        }

        var elements = elementsText.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return new ActorSelection(system, anchor, elements, path);
    }

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_remote is not null)
        {
            _remote.Tell(message, sender);
            return;
        }

        var matches = Resolve();
        if (matches.Count == 0)
        {
            if (message is Identify identify)
            {
                sender?.Tell(new ActorIdentity(identify.MessageId, null), _system.DeadLetters);
            }
            else
            {
                _system.DeadLetters.Tell(new DeadLetter(message, sender, _system.DeadLetters), sender);

                // An asker would otherwise wait for its whole timeout for a reply that cannot come.
                ((DeadLetterActorRef)_system.DeadLetters).FailAsker(sender, new ActorNotFoundException(
                    $"No actor matches the selection '{PathString}'; the message {message.GetType().Name} was not delivered."));
            }

            return;
        }

        foreach (var cell in matches)
        {
            cell.Self.Tell(message, sender);
        }
    }

    /// <summary>Finds the one actor the selection names.</summary>
    /// <exception cref="ActorNotFoundException">No actor matches.</exception>
    public async Task<IActorRef> ResolveOne(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var identity = await this.Ask<ActorIdentity>(new Identify(null), timeout, cancellationToken).ConfigureAwait(false);
        return identity.Subject ?? throw new ActorNotFoundException($"No actor matches the selection '{PathString}'.");
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[{PathString}]";

    internal ActorSystem System => _system;

    private List<ActorCell> Resolve()
    {
        var current = new List<ActorCell> { _anchor };
        foreach (var element in _elements)
        {
            var next = new List<ActorCell>();
            foreach (var cell in current)
            {
                if (element == "..")
                {
                    if (cell.ParentRef is LocalActorRef parent)
                    {
                        next.Add(parent.Cell);
                    }
                }
                else if (element == ".")
                {
                    next.Add(cell);
                }
                else if (element.AsSpan().IndexOfAny('*', '?') >= 0)
                {
                    // Non-backtracking: a pattern from another node must not cost more than linear time.
                    var pattern = new Regex("^" + Regex.Escape(element).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
                    next.AddRange(cell.GetChildCells().Where(c => pattern.IsMatch(c.Self.Path.Name)));
                }
                else if (cell.GetChildCell(element) is { } child)
                {
                    next.Add(child);
                }
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        current.RemoveAll(c => c.IsTerminated);
        return current;
    }
}
