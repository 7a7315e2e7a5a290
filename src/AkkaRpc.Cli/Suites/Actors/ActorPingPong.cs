using AkkaRpc.Actors;

namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>
/// The actor rows of <c>akkarpc bench actors</c>: the same exchanges as the channel floor, done by actors of
/// one <see cref="ActorSystem"/> with <c>Tell</c> and <c>Ask</c>.
/// </summary>
internal sealed class ActorPingPong : IPingPongSystem
{
    /// <summary>The label of the actor rows.</summary>
    public const string SystemName = "actors";

    private readonly ActorSystem _system = ActorSystem.Create("bench");

    /// <inheritdoc />
    public string Name => SystemName;

    /// <inheritdoc />
    public ValueTask<IPingPongPair> CreatePairAsync(int inFlight, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IPingPongPair>(new ActorPingPongPair(_system, inFlight));

    /// <inheritdoc />
    public ValueTask<IRequestReply> CreateRequestReplyAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IRequestReply>(new ActorRequestReply(_system));

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _system.Terminate();
}
