using System.Diagnostics;

namespace AkkaRpc.TestKit;

public sealed partial class TestProbe
{
    /// <summary>
    /// Runs <paramref name="action"/> and asserts it took no longer than <paramref name="max"/> (dilated). Inside it,
    /// expectations without a timeout wait only for what is left; a nested block can only narrow that.
    /// </summary>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Like <see cref="Within(TimeSpan, Action)"/>, and also asserts the block took at least <paramref name="min"/> (not dilated).</summary>
    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Within(min, max, () =>
        {
            action();
            return true;
        });
    }

    /// <summary>Like <see cref="Within(TimeSpan, Action)"/>, returning what <paramref name="function"/> returns.</summary>
    public T Within<T>(TimeSpan max, Func<T> function) => Within(TimeSpan.Zero, max, function);

    /// <summary>Like <see cref="Within(TimeSpan, TimeSpan, Action)"/>, returning what <paramref name="function"/> returns.</summary>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var (start, limit, previous) = EnterWithin(max);
        _lastWasNoMsg = false;
        T result;
        try
        {
            result = function();
        }
        finally
        {
            _deadline = previous;
        }

        CheckWithin(start, min, limit, _lastWasNoMsg);
        return result;
    }

    /// <summary>The asynchronous form of <see cref="Within(TimeSpan, Action)"/>.</summary>
    public Task WithinAsync(TimeSpan max, Func<Task> action) => WithinAsync(TimeSpan.Zero, max, action);

    /// <summary>The asynchronous form of <see cref="Within(TimeSpan, TimeSpan, Action)"/>.</summary>
    public async Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (start, limit, previous) = EnterWithin(max);
        _lastWasNoMsg = false;
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            _deadline = previous;
        }

        CheckWithin(start, min, limit, _lastWasNoMsg);
    }

    /// <summary>
    /// Runs <paramref name="assertion"/> until it stops throwing, every <paramref name="interval"/> (default 100 ms),
    /// for at most <paramref name="duration"/> (dilated; default 3 s or the rest of the enclosing <c>Within</c>).
    /// For state that is not announced by a message; prefer expecting a message when there is one.
    /// </summary>
    /// <exception cref="TestKitAssertionException">It still threw at the end; the last failure is the inner exception.</exception>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        Wait(AwaitAssertAsync(
            () =>
            {
                assertion();
                return Task.CompletedTask;
            },
            duration,
            interval));
    }

    /// <summary>The asynchronous form of <see cref="AwaitAssert"/>.</summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var max = RemainingOrDilated(duration, TestKitSettings.DefaultAwaitTimeout);
        var pause = interval ?? TimeSpan.FromMilliseconds(100);
        var end = DeadlineAfter(max);
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var left = TimeLeft(end, max);
                if (left <= TimeSpan.Zero)
                {
                    throw new TestKitAssertionException($"The assertion still failed after {Format(max)}: {e.Message}", e);
                }

                await Task.Delay(Min(pause, left)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> is true, checking every <paramref name="interval"/> (default 100 ms), for at
    /// most <paramref name="max"/> (dilated; default 3 s or the rest of the enclosing <c>Within</c>).
    /// </summary>
    /// <exception cref="TestKitAssertionException">It was still false at the end.</exception>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = RemainingOrDilated(max, TestKitSettings.DefaultAwaitTimeout);
        var pause = interval ?? TimeSpan.FromMilliseconds(100);
        var end = DeadlineAfter(limit);
        while (!condition())
        {
            var left = TimeLeft(end, limit);
            if (left <= TimeSpan.Zero)
            {
                throw new TestKitAssertionException($"Timeout ({Format(limit)}) waiting for {message ?? "the condition"}.");
            }

            await Task.Delay(Min(pause, left)).ConfigureAwait(false);
        }
    }

    /// <summary>The blocking form of <see cref="AwaitConditionAsync"/>.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null) =>
        Wait(AwaitConditionAsync(condition, max, interval, message));

    private (long Start, TimeSpan Limit, long? Previous) EnterWithin(TimeSpan max)
    {
        var start = Stopwatch.GetTimestamp();
        var limit = Dilated(max);
        if (_deadline is { } outer)
        {
            // A nested block never extends the outer one.
            limit = Min(limit, Max(Stopwatch.GetElapsedTime(start, outer), TimeSpan.Zero));
        }

        var previous = _deadline;
        _deadline = DeadlineAfter(limit);
        return (start, limit, previous);
    }

    private static void CheckWithin(long start, TimeSpan min, TimeSpan limit, bool endedWithNoMsg)
    {
        var took = Stopwatch.GetElapsedTime(start);
        if (took < min)
        {
            throw new TestKitAssertionException($"The block took {Format(took)}, less than the required minimum of {Format(min)}.");
        }

        if (took > limit && !endedWithNoMsg)
        {
            throw new TestKitAssertionException($"The block took {Format(took)}, more than its limit of {Format(limit)}.");
        }
    }
}
