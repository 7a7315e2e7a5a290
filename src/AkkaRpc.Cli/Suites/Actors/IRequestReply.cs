namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>A requester bound to a responder running concurrently, as an <c>Ask</c> to an actor is.</summary>
internal interface IRequestReply : IAsyncDisposable
{
    /// <summary>Sends one request and completes when its reply has arrived back at the caller.</summary>
    ValueTask RoundTripAsync(CancellationToken cancellationToken);
}
