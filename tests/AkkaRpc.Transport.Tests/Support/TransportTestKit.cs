using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Akka.TestKit;
using Xunit.Abstractions;

namespace AkkaRpc.Transport.Tests.Support;

/// <summary>
/// A TestKit that starts extra actor systems on one of our transports (terminated at the end), watches their logs,
/// and checks that a node still serves a fresh client after whatever a test did to it.
/// </summary>
public abstract class TransportTestKit(TransportKind kind, ITestOutputHelper? output = null, Config? config = null)
    : AkkaRpcTestKit(config, output)
{
    private readonly List<ActorSystem> _systems = [];

    protected TransportKind Kind { get; } = kind;

    protected TestDirectory Dir { get; } = new();

    /// <summary>Starts a system on this transport; with <paramref name="listen"/> off it is a client (binds nothing).</summary>
    protected ActorSystem StartSystem(string name, bool listen = true, string extraSection = "", string extra = "")
    {
        ActorSystem system = ActorSystem.Create(name, Kind.SystemConfig(Dir, name, listen, extraSection, extra));
        lock (_systems)
        {
            _systems.Add(system);
        }

        return system;
    }

    /// <summary>Starts a listening system with an <see cref="Echo"/> at <c>/user/echo</c>; returns it and its address.</summary>
    protected (ActorSystem Node, Address Address) StartNode(string name = "node", string extraSection = "", string extra = "")
    {
        ActorSystem node = StartSystem(name, listen: true, extraSection, extra);
        node.ActorOf(Echo.Props, "echo");
        return (node, BoundAddress(node));
    }

    protected static Address BoundAddress(ActorSystem system) => Assert.Single(AkkaRpcTransportExtension.Get(system).BoundAddresses);

    protected static ActorSelection EchoOf(ActorSystem from, Address node) => from.ActorSelection(new RootActorPath(node) / "user" / "echo");

    /// <summary>A probe on <paramref name="system"/> that receives its log events, to wait for a logged reason.</summary>
    protected TestProbe WatchLogs(ActorSystem system)
    {
        TestProbe probe = CreateTestProbe(system);
        system.EventStream.Subscribe(probe.Ref, typeof(LogEvent));
        return probe;
    }

    /// <summary>Starts a <see cref="LogCounter"/> on <paramref name="system"/> for log sources containing <paramref name="source"/>.</summary>
    protected static IActorRef CountWarnings(ActorSystem system, string source)
    {
        IActorRef counter = system.ActorOf(Props.Create(() => new LogCounter(source)));
        system.EventStream.Subscribe(counter, typeof(LogEvent));
        return counter;
    }

    /// <summary>Waits (up to a dilated ceiling) for a log event containing <paramref name="text"/>; returns it.</summary>
    protected static LogEvent ExpectLog(TestProbe logs, string text, double seconds = 10) =>
        (LogEvent)logs.FishForMessage(
            m => m is LogEvent e && $"{e.Message} {e.Cause?.Message}".Contains(text, StringComparison.Ordinal),
            TestTime.Seconds(seconds),
            $"a log event containing '{text}'");

    /// <summary>Shows <paramref name="node"/> still serves: a fresh client system asks its echo and gets the answer.</summary>
    protected async Task AssertServesClientAsync(Address node)
    {
        ActorSystem client = StartSystem("probe-client", listen: false);
        try
        {
            string answer = await EchoOf(client, node).Ask<string>("still serving", TestTime.Seconds(15));
            Assert.Equal("still serving", answer);
        }
        finally
        {
            await client.Terminate();
        }
    }

    protected Task<byte[]> CookieAsync() => CookieFile.LoadOrCreateAsync(Dir.CookiePath);

    protected override void AfterAll()
    {
        ActorSystem[] systems;
        lock (_systems)
        {
            systems = [.. _systems];
        }

        Task.WaitAll([.. systems.Select(s => s.Terminate())], TestTime.Seconds(30));
        base.AfterAll();
        Dir.Dispose();
    }
}
