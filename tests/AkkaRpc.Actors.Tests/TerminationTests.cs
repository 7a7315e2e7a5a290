using System.Collections.Concurrent;
using AkkaRpc.Actors;
using Xunit.Abstractions;

namespace AkkaRpc.Actors.Tests;

public sealed class TerminationTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task Terminate_StopsChildrenBeforeParents_AndCompletesAfterEveryPostStop()
    {
        var stops = new ConcurrentQueue<string>();
        Sys.ActorOf(Props.Create(() => new Chain(["b", "c"], stops, TestActor)), "a");
        ExpectMsg("c started");

        var terminated = Sys.Terminate();
        await terminated.WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        Assert.Equal(["c", "b", "a"], stops);
        Assert.Same(terminated, Sys.WhenTerminated);
    }

    [Fact]
    public async Task StoppingAnActor_StopsItsChildrenFirst()
    {
        var stops = new ConcurrentQueue<string>();
        var a = Sys.ActorOf(Props.Create(() => new Chain(["b", "c"], stops, TestActor)), "a");
        ExpectMsg("c started");
        var b = await Sys.ActorSelection("/user/a/b").ResolveOne(Dilated(TimeSpan.FromSeconds(5)));
        Watch(b);
        Sys.Stop(b);
        await ExpectTerminatedAsync(b);
        Assert.Equal(["c", "b"], stops);

        // The parent lives on.
        a.Tell(new Identify(1));
        await ExpectMsgAsync<ActorIdentity>();
    }

    [Fact]
    public async Task Terminate_Twice_IsHarmless()
    {
        await Sys.Terminate().WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        await Sys.Terminate().WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AfterTerminate_MessagesToFormerActorsAreDeadLetters()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        await Sys.Terminate().WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        var before = Sys.DeadLetterCount;
        echo.Tell("late");
        Assert.Equal(before + 1, Sys.DeadLetterCount);
    }

    /// <summary>Creates the next link in PreStart; records its name on PostStop.</summary>
    private sealed class Chain : ReceiveActor
    {
        private readonly string[] _rest;
        private readonly ConcurrentQueue<string> _stops;
        private readonly IActorRef _probe;

        public Chain(string[] rest, ConcurrentQueue<string> stops, IActorRef probe)
        {
            _rest = rest;
            _stops = stops;
            _probe = probe;
        }

        protected override void PreStart()
        {
            if (_rest.Length > 0)
            {
                Context.ActorOf(Props.Create(() => new Chain(_rest[1..], _stops, _probe)), _rest[0]);
            }
            else
            {
                _probe.Tell($"{Self.Path.Name} started");
            }
        }

        protected override void PostStop() => _stops.Enqueue(Self.Path.Name);
    }
}
