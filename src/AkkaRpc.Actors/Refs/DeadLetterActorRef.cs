using Microsoft.Extensions.Logging;

namespace AkkaRpc.Actors;

/// <summary>
/// Where undeliverable messages go: each one is counted, published on the event stream as
/// <see cref="AllDeadLetters"/>, and logged (the first <see cref="ActorSystemOptions.LogDeadLetters"/> of them).
/// </summary>
internal sealed class DeadLetterActorRef : InternalActorRef
{
    private readonly ActorSystem _system;
    private readonly ILogger _logger;
    private long _count;

    public DeadLetterActorRef(ActorSystem system, ActorPath path)
    {
        _system = system;
        Path = path;
        _logger = system.LoggerFactory.CreateLogger("AkkaRpc.Actors.DeadLetters");
    }

    public override ActorPath Path { get; }

    public override ActorSystem System => _system;

    public long Count => Interlocked.Read(ref _count);

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var letter = message as AllDeadLetters ?? new DeadLetter(message, sender, this);
        if (letter.Message is AllDeadLetters)
        {
            // A dead-letter event that could not reach a stopped subscriber: publishing it again would hand it straight
            // back to that subscriber's closed mailbox, and so on until the stack overflows.
            return;
        }

        if (letter is DeadLetter { Message: Identify identify, Sender: { } asker })
        {
            // As in Akka, an Identify that reaches no actor is answered with no subject, so the asker need not time out.
            asker.Tell(new ActorIdentity(identify.MessageId, null), this);
            return;
        }

        var n = Interlocked.Increment(ref _count);
        Log(letter, n);
        _system.EventStream.Publish(letter);

        // An asker waiting on a reply from a dead actor would otherwise wait for its whole timeout. Its reply reference
        // is a temporary one: here (a promise) or on another node (a remote /temp/ path), which gets the failure as a reply.
        if (letter is DeadLetter { Message: not Status.Failure } dead && dead.Recipient is not DeadLetterActorRef)
        {
            FailAsker(dead.Sender, new ActorNotFoundException($"{dead.Recipient.Path} is not running; the message {dead.Message.GetType().Name} was not delivered."));
        }
    }

    /// <summary>Fails <paramref name="sender"/> with <paramref name="reason"/> if it is an asker waiting for a reply (here or on another node).</summary>
    internal void FailAsker(IActorRef? sender, Exception reason)
    {
        if (sender is IPromiseRef promise)
        {
            promise.Fail(reason);
        }
        else if (sender is InternalActorRef { Path.Elements: ["temp", _] } remoteAsker)
        {
            remoteAsker.Tell(new Status.Failure(reason), this);
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            ((InternalActorRef)watch.Watcher).SendSystemMessage(new DeathWatchNotification(watch.Watchee, ExistenceConfirmed: false, AddressTerminated: false));
        }
    }

    private void Log(AllDeadLetters letter, long n)
    {
        var limit = _system.Options.LogDeadLetters;
        if (n > limit || !_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var kind = letter is UnhandledMessage ? "was not handled by" : "was not delivered to";
        _logger.LogInformation(
            "Message {MessageType} from {Sender} {Kind} {Recipient}. {Count} dead letters so far{Suppressed}",
            letter.Message.GetType().Name,
            letter.Sender?.Path.ToString() ?? "NoSender",
            kind,
            letter.Recipient.Path,
            n,
            n == limit ? "; further dead letters are counted but not logged" : "");
    }
}
