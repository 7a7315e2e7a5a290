using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using AkkaRpc.Services.Serialization;
using static AkkaRpc.Services.Tests.IGreeterAkkaRpc;

namespace AkkaRpc.Services.Tests;

/// <summary>The service actor on its own, in one actor system: queueing, fairness, errors, time limits and sessions.</summary>
public sealed class ServiceActorSpec() : Akka.TestKit.Xunit2.TestKit(ConfigurationFactory.ParseString(
    "akka.test.timefactor = " + TestTime.Factor.ToString(System.Globalization.CultureInfo.InvariantCulture)))
{
    private readonly GreeterProbe _probe = new();
    private long _callIds;

    private static TimeSpan Ceiling => TestTime.Seconds(10);

    [Fact]
    public async Task Calls_run_one_at_a_time_in_arrival_order()
    {
        var service = Start();
        var caller = CreateTestProbe();
        foreach (var tag in new[] { "1", "2", "3" })
        {
            service.Tell(Call(new Call5(tag), caller.Ref), caller.Ref);
        }

        Assert.Equal("1", await NextStartedAsync());

        // The second waits for the first to finish, however long it takes.
        caller.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.False(_probe.Started.Reader.TryRead(out _));
        for (var i = 1; i <= 3; i++)
        {
            Open();
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), caller.ExpectMsg<Result5>(Ceiling).Value);
        }

        Assert.Equal(["2", "3"], [await NextStartedAsync(), await NextStartedAsync()]);
    }

    [Fact]
    public async Task A_full_queue_answers_Busy_at_once_and_loses_nothing_it_took()
    {
        var service = Start(o => o.MaxQueuedCalls = 2);
        var caller = CreateTestProbe();
        service.Tell(Call(new Call5("running"), caller.Ref), caller.Ref);
        Assert.Equal("running", await NextStartedAsync());
        service.Tell(Call(new Call5("queued-1"), caller.Ref), caller.Ref);
        service.Tell(Call(new Call5("queued-2"), caller.Ref), caller.Ref);

        service.Tell(Call(new Call5("refused"), caller.Ref), caller.Ref);
        Assert.Equal(2, caller.ExpectMsg<ServiceBusy>(Ceiling).QueueLimit);

        Open();
        Open();
        Open();
        Assert.Equal(["running", "queued-1", "queued-2"], new[] { caller.ExpectMsg<Result5>(Ceiling).Value, caller.ExpectMsg<Result5>(Ceiling).Value, caller.ExpectMsg<Result5>(Ceiling).Value });
        service.Tell(Call(new Call1("again"), caller.Ref), caller.Ref);
        Assert.Equal("Hello, again!", caller.ExpectMsg<Result1>(Ceiling).Value);
    }

    [Fact]
    public async Task Callers_take_turns_however_many_calls_one_of_them_queues()
    {
        var service = Start();
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        service.Tell(Call(new Call5("x"), a.Ref), a.Ref);
        Assert.Equal("x", await NextStartedAsync());
        foreach (var tag in new[] { "a1", "a2", "a3" })
        {
            service.Tell(Call(new Call5(tag), a.Ref), a.Ref);
        }

        service.Tell(Call(new Call5("b1"), b.Ref), b.Ref);
        service.Tell(Call(new Call5("b2"), b.Ref), b.Ref);
        var order = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            Open();
            order.Add(await NextStartedAsync());
        }

        Open();
        Assert.Equal(["a1", "b1", "a2", "b2", "a3"], order);
    }

    [Fact]
    public void Notifications_are_one_way_and_a_failing_one_only_logs()
    {
        var service = Start();
        var caller = CreateTestProbe();
        service.Tell(Call(new Call3("first"), caller.Ref, oneWay: true), caller.Ref);
        service.Tell(Call(new Call6("boom"), caller.Ref, oneWay: true), caller.Ref);
        service.Tell(Call(new Call3("second"), caller.Ref, oneWay: true), caller.Ref);
        service.Tell(Call(new Call4(), caller.Ref), caller.Ref);

        // The only reply is the one asked for: the notifications (the failing one too) answer nothing.
        Assert.Equal(["first", "second"], caller.ExpectMsg<Result4>(Ceiling).Value);
        caller.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_service_exception_is_the_callers_reply_and_the_service_keeps_serving()
    {
        var service = Start();
        var caller = CreateTestProbe();
        service.Tell(Call(new Call6("plain failure"), caller.Ref), caller.Ref);
        var failed = caller.ExpectMsg<ServiceFailed>(Ceiling);
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.TypeName);
        Assert.Equal("plain failure", failed.Message);
        Assert.Contains(nameof(Greeter.FailAsync), failed.RemoteStackTrace, StringComparison.Ordinal);
        Assert.Equal(-1, failed.DeclaredIndex);

        service.Tell(Call(new Call7("declared"), caller.Ref), caller.Ref);
        Assert.Equal(0, caller.ExpectMsg<ServiceFailed>(Ceiling).DeclaredIndex);

        service.Tell(Call(new Call9(), caller.Ref), caller.Ref);
        Assert.Equal(1, caller.ExpectMsg<Result9>(Ceiling).Value);
    }

    [Fact]
    public async Task A_fatal_failure_restarts_with_a_new_instance_and_queued_calls_are_told_they_did_not_run()
    {
        var service = Start();
        var caller = CreateTestProbe();
        var other = CreateTestProbe();
        service.Tell(Call(new Call5("running"), caller.Ref), caller.Ref);
        Assert.Equal("running", await NextStartedAsync());
        service.Tell(Call(new Call8(), caller.Ref), caller.Ref);
        service.Tell(Call(new Call1("queued"), other.Ref), other.Ref);
        Open();
        caller.ExpectMsg<Result5>(Ceiling);
        Assert.Equal(typeof(GreeterCorruptedException).FullName, caller.ExpectMsg<ServiceFailed>(Ceiling).TypeName);
        Assert.Equal("the service restarted after a fatal failure", other.ExpectMsg<ServiceNotRun>(Ceiling).Reason);

        service.Tell(Call(new Call9(), caller.Ref), caller.Ref);
        Assert.Equal(2, caller.ExpectMsg<Result9>(Ceiling).Value);
    }

    [Fact]
    public async Task A_running_call_sees_its_token_fire_at_its_time_limit()
    {
        var service = Start();
        var caller = CreateTestProbe();
        service.Tell(Call(new Call5("slow"), caller.Ref, timeLimit: TimeSpan.FromMilliseconds(200)), caller.Ref);
        Assert.Equal("slow", await NextStartedAsync());
        var failed = caller.ExpectMsg<ServiceFailed>(Ceiling);
        Assert.Contains("Canceled", failed.TypeName, StringComparison.Ordinal);
        Assert.Equal(["slow"], _probe.Cancelled);

        service.Tell(Call(new Call1("after"), caller.Ref), caller.Ref);
        Assert.Equal("Hello, after!", caller.ExpectMsg<Result1>(Ceiling).Value);
    }

    [Fact]
    public async Task A_call_that_waited_past_its_time_limit_is_dropped_unrun()
    {
        var service = Start();
        var caller = CreateTestProbe();
        service.Tell(Call(new Call5("running"), caller.Ref), caller.Ref);
        Assert.Equal("running", await NextStartedAsync());
        service.Tell(Call(new Call5("late"), caller.Ref, timeLimit: TimeSpan.FromMilliseconds(100)), caller.Ref);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Open();
        caller.ExpectMsg<Result5>(Ceiling);
        Assert.Equal(TimeSpan.FromMilliseconds(100), caller.ExpectMsg<ServiceCallExpired>(Ceiling).TimeLimit);
        Assert.False(_probe.Started.Reader.TryRead(out _));
    }

    [Fact]
    public async Task CancelCall_fires_a_running_calls_token_and_drops_a_queued_one()
    {
        var service = Start();
        var caller = CreateTestProbe();
        var running = Call(new Call5("running"), caller.Ref);
        var queued = Call(new Call5("queued"), caller.Ref);
        service.Tell(running, caller.Ref);
        Assert.Equal("running", await NextStartedAsync());
        service.Tell(queued, caller.Ref);

        service.Tell(new CancelCall(caller.Ref, queued.Header.CallId));
        service.Tell(new CancelCall(caller.Ref, running.Header.CallId));
        caller.ExpectMsg<ServiceFailed>(Ceiling);
        Assert.Equal(["running"], _probe.Cancelled);

        service.Tell(Call(new Call1("next"), caller.Ref), caller.Ref);
        Assert.Equal("Hello, next!", caller.ExpectMsg<Result1>(Ceiling).Value);
        Assert.False(_probe.Started.Reader.TryRead(out _), "the cancelled queued call ran");
    }

    [Fact]
    public void An_exclusive_session_holds_the_others_until_it_closes()
    {
        var service = Start();
        var holder = CreateTestProbe();
        var other = CreateTestProbe();
        var id = Open(service, holder, TimeSpan.FromSeconds(30));

        service.Tell(Call(new Call1("other"), other.Ref), other.Ref);
        service.Tell(Call(new Call1("holder"), holder.Ref, sessionId: id), holder.Ref);
        Assert.Equal("Hello, holder!", holder.ExpectMsg<Result1>(Ceiling).Value);
        other.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        service.Tell(Call(new CloseSession(id), holder.Ref, sessionId: id), holder.Ref);
        holder.ExpectMsg<SessionClosed>(Ceiling);
        Assert.Equal("Hello, other!", other.ExpectMsg<Result1>(Ceiling).Value);

        service.Tell(Call(new Call1("late"), holder.Ref, sessionId: id), holder.Ref);
        Assert.False(holder.ExpectMsg<SessionNotFound>(Ceiling).Expired);
    }

    [Fact]
    public void A_session_ends_at_once_when_its_holder_dies()
    {
        var service = Start();
        var holder = CreateTestProbe();
        var other = CreateTestProbe();
        Open(service, holder, TimeSpan.FromMinutes(1));
        service.Tell(Call(new Call1("other"), other.Ref), other.Ref);
        other.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Sys.Stop(holder.Ref);
        Assert.Equal("Hello, other!", other.ExpectMsg<Result1>(Ceiling).Value);
    }

    [Fact]
    public void A_session_idle_past_its_lease_is_taken_back()
    {
        var service = Start();
        var holder = CreateTestProbe();
        var other = CreateTestProbe();
        var id = Open(service, holder, TimeSpan.FromMilliseconds(300));
        service.Tell(Call(new Call1("other"), other.Ref), other.Ref);
        Assert.Equal("Hello, other!", other.ExpectMsg<Result1>(Ceiling).Value);

        service.Tell(Call(new Call1("holder"), holder.Ref, sessionId: id), holder.Ref);
        Assert.True(holder.ExpectMsg<SessionNotFound>(Ceiling).Expired);
    }

    [Fact]
    public void A_lease_beyond_the_maximum_is_refused_and_the_service_goes_on()
    {
        var service = Start(o => o.MaxSessionLease = TimeSpan.FromSeconds(5));
        var caller = CreateTestProbe();
        service.Tell(Call(new OpenSession(TimeSpan.FromSeconds(6)), caller.Ref), caller.Ref);
        Assert.Contains("MaxSessionLease", caller.ExpectMsg<ServiceRefused>(Ceiling).Reason, StringComparison.Ordinal);
        service.Tell(Call(new Call1("still"), caller.Ref), caller.Ref);
        Assert.Equal("Hello, still!", caller.ExpectMsg<Result1>(Ceiling).Value);
    }

    private long Open(IActorRef service, TestProbe holder, TimeSpan lease)
    {
        service.Tell(Call(new OpenSession(lease), holder.Ref), holder.Ref);
        return holder.ExpectMsg<SessionOpened>(Ceiling).SessionId;
    }

    private IActorRef Start(Action<ServiceOptions>? configure = null)
    {
        var options = new ServiceOptions { IsFatal = e => e is GreeterCorruptedException };
        configure?.Invoke(options);
        var invoker = new ServiceInvoker<IGreeter>(ServiceDescriptors.Get<IGreeter>(), () => new Greeter(_probe));
        // Under the host's own registry, whose supervision restarts it.
        var registry = Sys.ActorOf(Props.Create<ServicesRegistry>());
        registry.Tell(new ServicesRegistry.AddService("greeter", ServiceActor.Props("greeter", invoker, options)));
        return registry.Ask<ServiceResolved>(new ResolveService("greeter"), Ceiling).GetAwaiter().GetResult().Service;
    }

    private T Call<T>(T request, IActorRef caller, bool oneWay = false, TimeSpan? timeLimit = null, long sessionId = 0)
        where T : ServiceRequest =>
        ServiceWire.Attach(request, new CallHeader(caller, Interlocked.Increment(ref _callIds), sessionId, timeLimit ?? TimeSpan.Zero, oneWay));

    private void Open() => _probe.Gate.Writer.TryWrite(true);

    private async Task<string> NextStartedAsync() => await _probe.Started.Reader.ReadAsync().AsTask().WaitAsync(Ceiling);

}
