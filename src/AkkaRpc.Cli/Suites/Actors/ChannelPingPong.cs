namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>
/// The floor of <c>akkarpc bench actors</c>: the same exchanges done with bare
/// <see cref="System.Threading.Channels.Channel"/>s and tasks, the least any actor runtime on .NET
/// must pay to hand a message to another thread.
/// </summary>
internal sealed class ChannelPingPong : IPingPongSystem
{
    /// <summary>The label of the floor rows.</summary>
    public const string SystemName = "channels";

    /// <inheritdoc />
    public string Name => SystemName;

    /// <inheritdoc />
    public ValueTask<IPingPongPair> CreatePairAsync(int inFlight, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IPingPongPair>(new ChannelPingPongPair(inFlight));

    /// <inheritdoc />
    public ValueTask<IRequestReply> CreateRequestReplyAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IRequestReply>(ChannelRequestReply.Start());

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
