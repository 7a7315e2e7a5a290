using System.Diagnostics;
using AkkaRpc.Actors;

namespace AkkaRpc.TestKit;

public sealed partial class TestProbe
{
    /// <summary>Receives the next message and asserts it is a <typeparamref name="T"/>; returns it.</summary>
    /// <param name="timeout">The ceiling (dilated); default: the rest of the enclosing <c>Within</c>, else 3 s.</param>
    /// <exception cref="TestKitAssertionException">No message came in time, or it was of another type.</exception>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null)
    {
        var max = RemainingOrDilated(timeout, TestKitSettings.DefaultExpectTimeout);
        var envelope = await TryReceiveAsync(max).ConfigureAwait(false)
            ?? throw new TestKitAssertionException($"Timeout ({Format(max)}) while waiting for a message of type {typeof(T).Name} on {this}.");
        return envelope.Message is T typed
            ? typed
            : throw new TestKitAssertionException($"Expected a message of type {typeof(T).Name} on {this}, but received {Describe(envelope.Message)} from {envelope.Sender?.Path.ToString() ?? "no sender"}.");
    }

    /// <summary>Receives the next message and asserts it is a <typeparamref name="T"/> that satisfies <paramref name="predicate"/>.</summary>
    /// <exception cref="TestKitAssertionException">No message came in time, or it did not match.</exception>
    public async Task<T> ExpectMsgAsync<T>(Predicate<T> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var message = await ExpectMsgAsync<T>(timeout).ConfigureAwait(false);
        return predicate(message)
            ? message
            : throw new TestKitAssertionException($"Received {Describe(message)} on {this}, but it did not satisfy the predicate.");
    }

    /// <summary>Receives the next message and asserts it equals <paramref name="expected"/>.</summary>
    /// <exception cref="TestKitAssertionException">No message came in time, or it was not equal.</exception>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
    {
        var max = RemainingOrDilated(timeout, TestKitSettings.DefaultExpectTimeout);
        var envelope = await TryReceiveAsync(max).ConfigureAwait(false)
            ?? throw new TestKitAssertionException($"Timeout ({Format(max)}) while waiting for {Describe(expected)} on {this}.");
        return envelope.Message is T typed && EqualityComparer<T>.Default.Equals(typed, expected)
            ? typed
            : throw new TestKitAssertionException($"Expected {Describe(expected)} on {this}, but received {Describe(envelope.Message)} from {envelope.Sender?.Path.ToString() ?? "no sender"}.");
    }

    /// <summary>Asserts that no message arrives for <paramref name="duration"/> (dilated; default 100 ms, or the rest of the enclosing <c>Within</c>).</summary>
    /// <exception cref="TestKitAssertionException">A message arrived.</exception>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null)
    {
        var wait = RemainingOrDilated(duration, TestKitSettings.DefaultNoMessageTimeout);
        if (await TryReceiveAsync(wait).ConfigureAwait(false) is { } envelope)
        {
            throw new TestKitAssertionException($"Expected no message on {this} for {Format(wait)}, but received {Describe(envelope.Message)} from {envelope.Sender?.Path.ToString() ?? "no sender"}.");
        }

        _lastWasNoMsg = true;
    }

    /// <summary>Receives the next message and asserts it is the <see cref="Terminated"/> of <paramref name="target"/> (watch it first).</summary>
    /// <exception cref="TestKitAssertionException">No message came in time, or it was something else.</exception>
    public async Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var max = RemainingOrDilated(timeout, TestKitSettings.DefaultExpectTimeout);
        var envelope = await TryReceiveAsync(max).ConfigureAwait(false)
            ?? throw new TestKitAssertionException($"Timeout ({Format(max)}) while waiting for Terminated of {target.Path} on {this}. Is it watched?");
        return envelope.Message is Terminated terminated && terminated.ActorRef.Equals(target)
            ? terminated
            : throw new TestKitAssertionException($"Expected Terminated of {target.Path} on {this}, but received {Describe(envelope.Message)}.");
    }

    /// <summary>
    /// Receives messages until one is a <typeparamref name="T"/> that satisfies <paramref name="isMessage"/>, skipping the others; returns it.
    /// </summary>
    /// <exception cref="TestKitAssertionException">No matching message came before the ceiling.</exception>
    public async Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var max = RemainingOrDilated(timeout, TestKitSettings.DefaultExpectTimeout);
        var end = DeadlineAfter(max);
        var skipped = new List<object>();
        while (true)
        {
            var envelope = await TryReceiveAsync(TimeLeft(end, max)).ConfigureAwait(false);
            if (envelope is null)
            {
                var seen = skipped.Count == 0 ? "no message at all" : $"only {string.Join(", ", skipped.Select(Describe))}";
                throw new TestKitAssertionException($"Timeout ({Format(max)}) while fishing for a matching {typeof(T).Name} on {this}; received {seen}.");
            }

            if (envelope.Value.Message is T typed && isMessage(typed))
            {
                return typed;
            }

            skipped.Add(envelope.Value.Message);
        }
    }

    /// <summary>Receives messages until one satisfies <paramref name="isMessage"/>, skipping the others; returns it.</summary>
    /// <exception cref="TestKitAssertionException">No matching message came before the ceiling.</exception>
    public Task<object> FishForMessageAsync(Predicate<object> isMessage, TimeSpan? timeout = null) =>
        FishForMessageAsync<object>(isMessage, timeout);

    /// <summary>Receives exactly <paramref name="count"/> messages, of any type, within one ceiling for all of them.</summary>
    /// <exception cref="TestKitAssertionException">Fewer arrived in time.</exception>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var max = RemainingOrDilated(timeout, TestKitSettings.DefaultExpectTimeout);
        var end = DeadlineAfter(max);
        var received = new List<object>(count);
        while (received.Count < count)
        {
            var envelope = await TryReceiveAsync(TimeLeft(end, max)).ConfigureAwait(false)
                ?? throw new TestKitAssertionException($"Timeout ({Format(max)}) while waiting for {count} messages on {this}; received {received.Count}.");
            received.Add(envelope.Message);
        }

        return received;
    }

    /// <summary>Receives the next message of any type, or returns null if none arrives within <paramref name="timeout"/>.</summary>
    public async Task<object?> ReceiveOneAsync(TimeSpan? timeout = null)
    {
        var envelope = await TryReceiveAsync(RemainingOrDilated(timeout, TestKitSettings.DefaultExpectTimeout)).ConfigureAwait(false);
        return envelope?.Message;
    }

    /// <inheritdoc cref="ExpectMsgAsync{T}(TimeSpan?)"/>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => Wait(ExpectMsgAsync<T>(timeout));

    /// <inheritdoc cref="ExpectMsgAsync{T}(Predicate{T}, TimeSpan?)"/>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null) => Wait(ExpectMsgAsync(predicate, timeout));

    /// <inheritdoc cref="ExpectMsgAsync{T}(T, TimeSpan?)"/>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => Wait(ExpectMsgAsync(expected, timeout));

    /// <inheritdoc cref="ExpectNoMsgAsync(TimeSpan?)"/>
    public void ExpectNoMsg(TimeSpan? duration = null) => Wait(ExpectNoMsgAsync(duration));

    /// <inheritdoc cref="ExpectTerminatedAsync(IActorRef, TimeSpan?)"/>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => Wait(ExpectTerminatedAsync(target, timeout));

    /// <inheritdoc cref="FishForMessageAsync{T}(Predicate{T}, TimeSpan?)"/>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => Wait(FishForMessageAsync(isMessage, timeout));

    /// <inheritdoc cref="FishForMessageAsync(Predicate{object}, TimeSpan?)"/>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? timeout = null) => Wait(FishForMessageAsync(isMessage, timeout));

    /// <inheritdoc cref="ReceiveNAsync(int, TimeSpan?)"/>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => Wait(ReceiveNAsync(count, timeout));

    /// <inheritdoc cref="ReceiveOneAsync(TimeSpan?)"/>
    public object? ReceiveOne(TimeSpan? timeout = null) => Wait(ReceiveOneAsync(timeout));

    // The async bodies never capture a synchronization context (ConfigureAwait(false)), so blocking on them from a
    // synchronous test cannot deadlock.
    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static long? DeadlineAfter(TimeSpan max) =>
        max == Timeout.InfiniteTimeSpan ? null : Stopwatch.GetTimestamp() + (long)(max.TotalSeconds * Stopwatch.Frequency);

    private static TimeSpan TimeLeft(long? end, TimeSpan max) =>
        end is { } e ? Max(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), e), TimeSpan.Zero) : max;
}
