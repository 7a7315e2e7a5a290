using AkkaRpc.Actors;

namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>Round trips through an <c>Ask</c> to an actor that echoes each request back.</summary>
internal sealed class ActorRequestReply : IRequestReply
{
    private static readonly object s_request = new();
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly ActorSystem _system;
    private readonly IActorRef _echo;

    public ActorRequestReply(ActorSystem system)
    {
        _system = system;
        _echo = system.ActorOf(Props.Create(static () => new Echo()));
    }

    /// <inheritdoc />
    public async ValueTask RoundTripAsync(CancellationToken cancellationToken) =>
        await _echo.Ask<object>(s_request, s_timeout, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _system.Stop(_echo);
        return ValueTask.CompletedTask;
    }

    private sealed class Echo : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }
}
