using AkkaRpc.Client;

namespace AkkaRpc.Services.Tests;

/// <summary>Generated proxies calling a hosted service over AkkaRpc's transport (Unix socket, cookie handshake), in one process.</summary>
public sealed class ProxySpec : IAsyncLifetime
{
    private ServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceHost.StartAsync(o => o.MaxQueuedCalls = 3);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_generated_proxy_calls_the_hosted_service_over_the_transport()
    {
        var greeter = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);

        Assert.Equal("Hello, Ada!", await greeter.HelloAsync("Ada"));
        var greeting = await greeter.GreetAsync(new Person("Ada", 36, null), ["a", "b"], Mood.Cheerful, null, [1, 2, 3], [new Person("Bob", 40, "B")]);
        Assert.Equal("Hi Ada", greeting.Text);
        Assert.Equal(new Person("Ada", 36, null), greeting.To);
        Assert.Equal(["a", "b"], greeting.Tags);
        Assert.Equal(Mood.Cheerful, greeting.Mood);
        Assert.Null(greeting.Times);
        Assert.Equal([1, 2, 3], greeting.Payload);
        Assert.Equal([new Person("Bob", 40, "B")], greeting.Friends);
    }

    [Fact]
    public async Task Notifications_arrive_in_order_without_replies()
    {
        var greeter = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);
        await greeter.RememberAsync("one");
        await greeter.RememberAsync("two");
        Assert.Equal(["one", "two"], await greeter.NotesAsync());
    }

    [Fact]
    public async Task Remote_errors_keep_their_type_when_declared_and_their_name_message_and_stack_otherwise()
    {
        var greeter = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);

        var declared = await Assert.ThrowsAsync<InvalidGreetingException>(() => greeter.RejectAsync("not polite"));
        Assert.Equal("not polite", declared.Message);

        var remote = await Assert.ThrowsAsync<RemoteServiceException>(() => greeter.FailAsync("broken"));
        Assert.Equal(typeof(InvalidOperationException).FullName, remote.RemoteTypeName);
        Assert.Equal("broken", remote.RemoteMessage);
        Assert.Contains(nameof(Greeter.FailAsync), remote.RemoteStackTrace, StringComparison.Ordinal);
        Assert.False(remote.OutcomeUnknown);

        Assert.Equal("Hello, still!", await greeter.HelloAsync("still"));
    }

    [Fact]
    public async Task A_full_queue_fails_the_call_with_ServiceBusyException_and_the_queued_calls_complete()
    {
        var greeter = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);
        var running = greeter.GateAsync("running");
        Assert.Equal("running", await NextStartedAsync());
        var queued = Enumerable.Range(1, 3).Select(i => greeter.GateAsync("q" + i)).ToList();

        // One connection keeps send order: the three are queued before this one arrives, and the queue holds 3.
        var busy = await Assert.ThrowsAsync<ServiceBusyException>(() => greeter.HelloAsync("one too many"));
        Assert.Contains("queue of 3", busy.Message, StringComparison.Ordinal);

        for (var i = 0; i < 4; i++)
        {
            _host.Probe.Gate.Writer.TryWrite(true);
        }

        Assert.Equal("running", await running);
        Assert.Equal(["q1", "q2", "q3"], await Task.WhenAll(queued));
    }

    [Fact]
    public async Task A_call_past_the_request_timeout_fails_and_the_service_sees_its_token_fire()
    {
        var options = _host.ClientOptions;
        options.RequestTimeout = TimeSpan.FromMilliseconds(500);
        var greeter = await AkkaRpcServices.GetAsync<IGreeter>("greeter", options);

        var timeout = await Assert.ThrowsAsync<RequestTimeoutException>(() => greeter.GateAsync("slow"));
        Assert.True(timeout.OutcomeUnknown);
        await AwaitAsync(() => _host.Probe.Cancelled.Contains("slow"));
        Assert.Equal("Hello, after!", await greeter.HelloAsync("after"));
    }

    [Fact]
    public async Task Cancelling_a_call_cancels_it_in_the_service()
    {
        var greeter = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);
        using var cts = new CancellationTokenSource();
        var call = greeter.GateAsync("cancelled", cts.Token);
        Assert.Equal("cancelled", await NextStartedAsync());
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await AwaitAsync(() => _host.Probe.Cancelled.Contains("cancelled"));
        Assert.Equal("Hello, after!", await greeter.HelloAsync("after"));
    }

    [Fact]
    public async Task An_exclusive_session_holds_other_clients_off_until_disposed()
    {
        var holder = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);
        var other = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);
        var session = await AkkaRpcServices.OpenSessionAsync(holder, TimeSpan.FromMinutes(1));

        var waiting = other.HelloAsync("other");
        Assert.Equal("Hello, mine!", await session.Service.HelloAsync("mine"));
        Assert.False(waiting.IsCompleted);

        await session.DisposeAsync();
        Assert.Equal("Hello, other!", await waiting.WaitAsync(TestTime.Seconds(10)));
        await Assert.ThrowsAsync<ServiceSessionException>(() => session.Service.HelloAsync("too late"));
    }

    [Fact]
    public async Task A_session_is_released_at_once_when_its_holders_connection_goes()
    {
        var holder = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);
        var other = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);
        await AkkaRpcServices.OpenSessionAsync(holder, TimeSpan.FromMinutes(5));
        var waiting = other.HelloAsync("other");
        Assert.False(waiting.IsCompleted);

        // The holder's process goes away: its private connection (and actor system) closes.
        await ((ServiceProxy)holder).Channel.Connection.DisposeAsync();
        Assert.Equal("Hello, other!", await waiting.WaitAsync(TestTime.Seconds(10)));
    }

    [Fact]
    public async Task A_host_that_goes_away_mid_call_fails_it_with_ConnectionLostException()
    {
        var greeter = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);
        var call = greeter.GateAsync("in flight");
        Assert.Equal("in flight", await NextStartedAsync());

        await _host.DisposeAsync();
        var lost = await Assert.ThrowsAsync<ConnectionLostException>(() => call.WaitAsync(TestTime.Seconds(20)));
        Assert.True(lost.OutcomeUnknown);

        // Nothing is resent to a host that is gone; the next call looks for one and says where it looked.
        await Assert.ThrowsAsync<ServiceNotFoundException>(() => greeter.HelloAsync("anyone?"));
        _host = await ServiceHost.StartAsync();
    }

    [Fact]
    public async Task Bad_names_and_unknown_services_fail_clearly_and_the_client_goes_on()
    {
        var bad = await Assert.ThrowsAsync<ArgumentException>(() => AkkaRpcServices.GetAsync<IGreeter>("../etc", _host.ClientOptions));
        Assert.Contains("not a service name", bad.Message, StringComparison.Ordinal);

        var missing = await Assert.ThrowsAsync<ServiceNotFoundException>(() => AkkaRpcServices.GetAsync<IGreeter>("nobody", _host.ClientOptions));
        Assert.Contains("no service 'nobody'", missing.Message, StringComparison.Ordinal);

        var greeter = await AkkaRpcServices.GetAsync<IGreeter>("greeter", _host.ClientOptions);
        Assert.Equal("Hello, fine!", await greeter.HelloAsync("fine"));
    }

    private async Task<string> NextStartedAsync() => await _host.Probe.Started.Reader.ReadAsync().AsTask().WaitAsync(TestTime.Seconds(10));

    private static async Task AwaitAsync(Func<bool> condition)
    {
        var ceiling = TestTime.Seconds(10);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < ceiling, "the condition did not come true in time");
            await Task.Delay(10);
        }
    }
}
