using Akka.Actor;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaRpc.Client.Tests;

/// <summary>
/// How <see cref="ClientRuntime.AskAsync{T}"/> tells apart the ways an ask ends early, all of which go through one token
/// source: a message Akka dropped unsent (it turned up in dead letters), the association it went out on dropping, and the
/// caller's own token. Runs on a plain actor system borrowed by the runtime, with actors standing in for the node.
/// </summary>
public sealed class ClientRuntimeAskTests : IDisposable
{
    private static readonly Address Node = new("akka.rpc.unix", "AkkaRpc", "node", 0);
    private readonly ActorSystem _system = ActorSystem.Create("asks");
    private readonly ClientRuntime _runtime;

    public ClientRuntimeAskTests() => _runtime = ClientRuntime.Borrow(_system, NullLoggerFactory.Instance);

    public void Dispose() => _system.Terminate().Wait(TestTime.Seconds(10));

    [Fact]
    public async Task AMessageThatTurnsUpInDeadLetters_IsSentAgain_ThenFailsAsDroppedUnsent_LongBeforeItsTimeout()
    {
        var dead = await StoppedActorAsync();
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<AssociationLostException>(
            () => _runtime.AskAsync<Pong>(dead, Node, new Ping(), TimeSpan.FromMinutes(5), CancellationToken.None).WaitAsync(TestTime.Seconds(30)));

        // Certainly never delivered, so certainly never ran: a caller may send it again.
        Assert.Equal(AssociationLoss.DroppedUnsent, error.Loss);
        Assert.False(error.MayHaveArrived);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(1), "it must not wait out the ask's timeout");

        // The runtime keeps working: the next ask to a live actor is answered.
        Assert.IsType<Pong>(await _runtime.AskAsync<Pong>(_system.ActorOf(Props.Create(() => new Ponger())), Node, new Ping(), TestTime.Seconds(10), CancellationToken.None));
    }

    [Fact]
    public async Task AMessageDroppedOnceThenDelivered_IsAnsweredAsIfNothingHappened()
    {
        // The first copy goes to dead letters; the resend finds the actor that answers.
        var target = _system.ActorOf(Props.Create(() => new DropFirst()));

        var reply = await _runtime.AskAsync<Pong>(target, Node, new Ping(), TestTime.Seconds(10), CancellationToken.None);

        Assert.IsType<Pong>(reply);
    }

    [Fact]
    public async Task TheAssociationDroppingMidAsk_FailsItAsOutcomeUnknown()
    {
        var silent = _system.ActorOf(Props.Empty);
        var ask = _runtime.AskAsync<Pong>(silent, Node, new Ping(), TimeSpan.FromMinutes(5), CancellationToken.None);

        _runtime.Links.For(Node).Lost("test: the connection closed");
        var error = await Assert.ThrowsAsync<AssociationLostException>(() => ask.WaitAsync(TestTime.Seconds(30)));

        // A borrowed system counts every link as up, so the message may have arrived: never resent.
        Assert.Equal(AssociationLoss.Dropped, error.Loss);
        Assert.True(error.MayHaveArrived);
        Assert.Contains("test: the connection closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCallersTokenFiring_EndsTheAskAsCancelled_NotAsALostConnection()
    {
        var silent = _system.ActorOf(Props.Empty);
        using var cancel = new CancellationTokenSource();
        var ask = _runtime.AskAsync<Pong>(silent, Node, new Ping(), TimeSpan.FromMinutes(5), cancel.Token);

        await cancel.CancelAsync();

        var error = await Record.ExceptionAsync(() => ask.WaitAsync(TestTime.Seconds(30)));
        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    private async Task<IActorRef> StoppedActorAsync()
    {
        var actor = _system.ActorOf(Props.Empty);
        await actor.GracefulStop(TestTime.Seconds(10));
        return actor;
    }

    private sealed record Ping;

    private sealed record Pong;

    private sealed class Ponger : ReceiveActor
    {
        public Ponger() => Receive<Ping>(_ => Sender.Tell(new Pong()));
    }

    /// <summary>Sends the first <see cref="Ping"/> on to a stopped actor (so into dead letters, with the same message object) and answers the rest.</summary>
    private sealed class DropFirst : ReceiveActor
    {
        private bool _dropped;

        public DropFirst()
        {
            var dead = Context.ActorOf(Props.Empty);
            Context.Stop(dead);
            ReceiveAsync<Ping>(async ping =>
            {
                if (_dropped)
                {
                    Sender.Tell(new Pong());
                    return;
                }

                _dropped = true;
                await dead.GracefulStop(TimeSpan.FromSeconds(10));
                dead.Tell(ping, Sender);
            });
        }
    }
}
