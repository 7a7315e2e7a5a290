namespace AkkaRpc.Cli.Suites.Actors;

/// <summary>Two parties that send every message they receive back to the other.</summary>
internal interface IPingPongPair : IAsyncDisposable
{
    /// <summary>
    /// Puts the pair's messages in flight and bounces them until the two sides together have received
    /// <paramref name="maxMessages"/> messages or <paramref name="stop"/> is signalled, then returns how
    /// many they received.
    /// </summary>
    /// <remarks>
    /// Called once per pair. <paramref name="stop"/> is the round's time cap (and the user's Ctrl+C):
    /// it is a normal end, so the task completes with the count rather than being cancelled. Check it
    /// per message received; it is a volatile read.
    /// </remarks>
    Task<long> RunAsync(long maxMessages, CancellationToken stop);
}
