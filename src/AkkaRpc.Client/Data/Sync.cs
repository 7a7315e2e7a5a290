namespace AkkaRpc.Data;

/// <summary>
/// Runs the provider's async bodies for its synchronous ADO.NET methods. The client is asynchronous all the way down
/// (asks to actors), so a sync call has to block; it must not deadlock when the caller's thread has a
/// SynchronizationContext (a UI thread, old ASP.NET) or a custom TaskScheduler, so those calls move to the thread
/// pool first. Without either (the common case) the body runs inline: every await in the client uses
/// ConfigureAwait(false), so its continuations never need the blocked thread.
/// </summary>
internal static class Sync
{
    public static T Run<T>(Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        // Blocking is the point of a synchronous ADO.NET method; GetResult rethrows the original exception.
        return SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default
            ? body(cancellationToken).GetAwaiter().GetResult()
            : Task.Run(() => body(cancellationToken), cancellationToken).GetAwaiter().GetResult();
    }

    public static void Run(Func<CancellationToken, Task> body, CancellationToken cancellationToken) =>
        Run(async ct =>
        {
            await body(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
