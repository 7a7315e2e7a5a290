namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>
/// A way of passing messages between concurrent parties, measured by <c>akkarpc bench actors</c>:
/// the seam where the actor kernel plugs in next to the bare-channel floor.
/// </summary>
/// <remarks>
/// An implementation supplies three small pieces — this factory, an <see cref="IPingPongPair"/> and an
/// <see cref="IRequestReply"/> — and the suite's scenarios do all timing, budgeting and counting, so
/// every system is measured by the same code. <see cref="ChannelPingPong"/> is the floor; an
/// <c>ActorPingPong</c> owns an <c>ActorSystem</c>, makes a pair from two actors that
/// <c>Tell</c> each message back, and answers round trips with <c>Ask</c> to an echo actor.
/// The system lives for the whole run; pairs and request/reply endpoints are made once per round,
/// outside the timed section.
/// </remarks>
internal interface IPingPongSystem : IAsyncDisposable
{
    /// <summary>Gets the label of this system in the table and the JSON, e.g. "channels" or "actors".</summary>
    string Name { get; }

    /// <summary>Creates two parties that will bounce <paramref name="inFlight"/> messages between them once started.</summary>
    ValueTask<IPingPongPair> CreatePairAsync(int inFlight, CancellationToken cancellationToken);

    /// <summary>Creates a requester/responder pair ready for round trips.</summary>
    ValueTask<IRequestReply> CreateRequestReplyAsync(CancellationToken cancellationToken);
}
