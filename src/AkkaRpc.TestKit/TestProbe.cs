using System.Diagnostics;
using AkkaRpc.Actors;

namespace AkkaRpc.TestKit;

/// <summary>
/// A queue with an actor reference: actors send it messages, and the test takes them out in arrival order and
/// asserts on them (<c>ExpectMsg</c>, <c>ExpectNoMsg</c>, ...). It can also watch actors, reply and forward.
/// Every timeout is a ceiling, scaled by <see cref="TestKitSettings.TimeFactor"/>.
/// </summary>
/// <remarks>
/// Any thread may send to <see cref="Ref"/>; the expectation methods are meant for one test flow at a time (as in Akka),
/// and a <c>Within</c> block narrows only this probe's expectations.
/// </remarks>
public sealed partial class TestProbe
{
    private readonly TestProbeRef _ref;
    private long? _deadline; // Stopwatch timestamp of the innermost Within block's end, if inside one.
    private Envelope? _last;

    // Akka's rule: a Within block that ends with ExpectNoMsg used up its time on purpose, so its maximum is not checked.
    private bool _lastWasNoMsg;

    internal TestProbe(ActorSystem system, string name)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Sys = system;
        _ref = new TestProbeRef(system, new ActorPath(system.Address, ["system", name]).WithUid(system.NewUid()));
    }

    /// <summary>The probe's reference: give it to actors as a target or a sender.</summary>
    public IActorRef Ref => _ref;

    /// <summary>The actor system the probe belongs to.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The sender of the last message received; dead letters before the first one, or if it had none.</summary>
    public IActorRef LastSender => _last?.Sender ?? Sys.DeadLetters;

    /// <summary>The last message received, or null before the first one.</summary>
    public object? LastMessage => _last?.Message;

    /// <summary>
    /// The time left in the innermost <c>Within</c> block.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not inside a <c>Within</c> block.</exception>
    public TimeSpan Remaining => _deadline is { } end
        ? Max(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end), TimeSpan.Zero)
        : throw new InvalidOperationException("Remaining is only defined inside a Within block.");

    /// <summary>The time left in the innermost <c>Within</c> block, or the dilated default expect timeout outside one.</summary>
    public TimeSpan RemainingOrDefault => _deadline is null ? Dilated(TestKitSettings.DefaultExpectTimeout) : Remaining;

    /// <summary>Scales <paramref name="duration"/> by the time factor.</summary>
    public static TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilated(duration);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with this probe as the sender.</summary>
    public void Send(ICanTell target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, _ref);
    }

    /// <summary>Sends <paramref name="message"/> to the sender of the last message received, from this probe.</summary>
    public void Reply(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = _last?.Sender ?? throw new InvalidOperationException("There is no message to reply to (none received, or it had no sender).");
        sender.Tell(message, _ref);
    }

    /// <summary>Sends the last message received on to <paramref name="target"/>, keeping its original sender.</summary>
    public void Forward(ICanTell target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var last = _last ?? throw new InvalidOperationException("There is no message to forward: none received yet.");
        target.Tell(last.Message, last.Sender);
    }

    /// <summary>Watches <paramref name="subject"/>: the probe receives <see cref="Terminated"/> when it stops (at once if it already has).</summary>
    public IActorRef Watch(IActorRef subject)
    {
        _ref.Watch(subject);
        return subject;
    }

    /// <summary>Stops watching <paramref name="subject"/>; a <see cref="Terminated"/> for it not yet taken is discarded.</summary>
    public IActorRef Unwatch(IActorRef subject)
    {
        _ref.Unwatch(subject);
        return subject;
    }

    /// <inheritdoc />
    public override string ToString() => $"TestProbe {_ref.Path}";

    internal static string Describe(object? message) => message switch
    {
        null => "nothing",
        string s => $"String \"{s}\"",
        _ => $"{message.GetType().Name} {message}",
    };

    internal static string Format(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? "infinite" : duration.TotalSeconds >= 1 ? $"{duration.TotalSeconds:0.###} s" : $"{duration.TotalMilliseconds:0.#} ms";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>An explicit timeout, dilated; else what is left of the enclosing <c>Within</c>; else <paramref name="fallback"/> dilated.</summary>
    private TimeSpan RemainingOrDilated(TimeSpan? timeout, TimeSpan fallback) =>
        timeout is { } t ? Dilated(t) : _deadline is null ? Dilated(fallback) : Remaining;

    /// <summary>Takes the next message, waiting up to <paramref name="timeout"/>; null if none came.</summary>
    private async Task<Envelope?> TryReceiveAsync(TimeSpan timeout)
    {
        _lastWasNoMsg = false;
        if (_ref.TryTake(out var envelope))
        {
            return _last = envelope;
        }

        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await _ref.Reader.WaitToReadAsync(cts.Token).ConfigureAwait(false))
            {
                if (_ref.TryTake(out envelope))
                {
                    return _last = envelope;
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // The ceiling passed with nothing to take.
        }

        return null;
    }
}
