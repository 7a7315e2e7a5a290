using System.Threading.Channels;

namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>
/// A requester writes a reply <see cref="TaskCompletionSource"/> into the responder's channel and
/// awaits it; the responder task completes it.
/// </summary>
/// <remarks>
/// A fresh completion source per request and asynchronous continuations are what an <c>Ask</c> costs
/// at least: the reply must not run the requester's code on the responder's thread, or one slow
/// requester would stall the responder.
/// </remarks>
internal sealed class ChannelRequestReply : IRequestReply
{
    private readonly Channel<TaskCompletionSource> _requests =
        Channel.CreateUnbounded<TaskCompletionSource>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private Task _responder = Task.CompletedTask;

    private ChannelRequestReply()
    {
    }

    /// <summary>Starts a responder task and returns the requester side.</summary>
    public static ChannelRequestReply Start()
    {
        var requestReply = new ChannelRequestReply();
        requestReply._responder = Task.Run(requestReply.RespondAsync);
        return requestReply;
    }

    /// <inheritdoc />
    public async ValueTask RoundTripAsync(CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_requests.Writer.TryWrite(reply))
        {
            throw new ObjectDisposedException(nameof(ChannelRequestReply));
        }

        // The responder always answers at once, so the wait needs no timeout; the scenario checks
        // cancellation between round trips to keep this path as lean as the floor should be.
        await reply.Task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _responder.ConfigureAwait(false);
    }

    private async Task RespondAsync()
    {
        ChannelReader<TaskCompletionSource> reader = _requests.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out TaskCompletionSource? reply))
            {
                reply.TrySetResult();
            }
        }
    }
}
