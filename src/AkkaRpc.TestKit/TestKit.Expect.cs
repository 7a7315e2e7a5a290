using AkkaRpc.Actors;

namespace AkkaRpc.TestKit;

// The default probe's methods, on the test class itself, as Akka.TestKit offers them.
public abstract partial class TestKit
{
    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(TimeSpan?)"/>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => TestProbe.ExpectMsg<T>(timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(Predicate{T}, TimeSpan?)"/>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null) => TestProbe.ExpectMsg(predicate, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(T, TimeSpan?)"/>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => TestProbe.ExpectMsg(expected, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) => TestProbe.ExpectMsgAsync<T>(timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(Predicate{T}, TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(Predicate<T> predicate, TimeSpan? timeout = null) => TestProbe.ExpectMsgAsync(predicate, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(T, TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null) => TestProbe.ExpectMsgAsync(expected, timeout);

    /// <inheritdoc cref="TestProbe.ExpectNoMsg"/>
    public void ExpectNoMsg(TimeSpan? duration = null) => TestProbe.ExpectNoMsg(duration);

    /// <inheritdoc cref="TestProbe.ExpectNoMsgAsync"/>
    public Task ExpectNoMsgAsync(TimeSpan? duration = null) => TestProbe.ExpectNoMsgAsync(duration);

    /// <inheritdoc cref="TestProbe.ExpectTerminated"/>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => TestProbe.ExpectTerminated(target, timeout);

    /// <inheritdoc cref="TestProbe.ExpectTerminatedAsync"/>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null) => TestProbe.ExpectTerminatedAsync(target, timeout);

    /// <inheritdoc cref="TestProbe.FishForMessage{T}(Predicate{T}, TimeSpan?)"/>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => TestProbe.FishForMessage(isMessage, timeout);

    /// <inheritdoc cref="TestProbe.FishForMessage(Predicate{object}, TimeSpan?)"/>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? timeout = null) => TestProbe.FishForMessage(isMessage, timeout);

    /// <inheritdoc cref="TestProbe.FishForMessageAsync{T}(Predicate{T}, TimeSpan?)"/>
    public Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null) => TestProbe.FishForMessageAsync(isMessage, timeout);

    /// <inheritdoc cref="TestProbe.ReceiveN"/>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => TestProbe.ReceiveN(count, timeout);

    /// <inheritdoc cref="TestProbe.ReceiveNAsync"/>
    public Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null) => TestProbe.ReceiveNAsync(count, timeout);

    /// <inheritdoc cref="TestProbe.ReceiveOne"/>
    public object? ReceiveOne(TimeSpan? timeout = null) => TestProbe.ReceiveOne(timeout);

    /// <inheritdoc cref="TestProbe.Within(TimeSpan, Action)"/>
    public void Within(TimeSpan max, Action action) => TestProbe.Within(max, action);

    /// <inheritdoc cref="TestProbe.Within(TimeSpan, TimeSpan, Action)"/>
    public void Within(TimeSpan min, TimeSpan max, Action action) => TestProbe.Within(min, max, action);

    /// <inheritdoc cref="TestProbe.Within{T}(TimeSpan, Func{T})"/>
    public T Within<T>(TimeSpan max, Func<T> function) => TestProbe.Within(max, function);

    /// <inheritdoc cref="TestProbe.WithinAsync(TimeSpan, Func{Task})"/>
    public Task WithinAsync(TimeSpan max, Func<Task> action) => TestProbe.WithinAsync(max, action);

    /// <inheritdoc cref="TestProbe.WithinAsync(TimeSpan, TimeSpan, Func{Task})"/>
    public Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> action) => TestProbe.WithinAsync(min, max, action);

    /// <inheritdoc cref="TestProbe.Remaining"/>
    public TimeSpan Remaining => TestProbe.Remaining;

    /// <inheritdoc cref="TestProbe.RemainingOrDefault"/>
    public TimeSpan RemainingOrDefault => TestProbe.RemainingOrDefault;

    /// <inheritdoc cref="TestProbe.AwaitAssert"/>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) => TestProbe.AwaitAssert(assertion, duration, interval);

    /// <inheritdoc cref="TestProbe.AwaitAssertAsync"/>
    public Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null) => TestProbe.AwaitAssertAsync(assertion, duration, interval);

    /// <inheritdoc cref="TestProbe.AwaitCondition"/>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null) => TestProbe.AwaitCondition(condition, max, interval, message);

    /// <inheritdoc cref="TestProbe.AwaitConditionAsync"/>
    public Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null) => TestProbe.AwaitConditionAsync(condition, max, interval, message);

    /// <inheritdoc cref="TestProbe.Watch"/>
    public IActorRef Watch(IActorRef subject) => TestProbe.Watch(subject);

    /// <inheritdoc cref="TestProbe.Unwatch"/>
    public IActorRef Unwatch(IActorRef subject) => TestProbe.Unwatch(subject);

    /// <inheritdoc cref="TestProbe.Reply"/>
    public void Reply(object message) => TestProbe.Reply(message);

    /// <inheritdoc cref="TestProbe.Forward"/>
    public void Forward(ICanTell target) => TestProbe.Forward(target);

    /// <inheritdoc cref="TestProbe.Send"/>
    public void Send(ICanTell target, object message) => TestProbe.Send(target, message);
}
