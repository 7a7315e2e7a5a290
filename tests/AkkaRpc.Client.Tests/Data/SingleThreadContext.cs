using System.Collections.Concurrent;

namespace AkkaRpc.Client.Tests.Data;

/// <summary>
/// A SynchronizationContext with one thread, like a UI thread: code that blocks on a task whose continuation is
/// posted back here deadlocks. Runs one body on that thread and then ends it.
/// </summary>
internal sealed class SingleThreadContext : SynchronizationContext
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public static Task<T> RunAsync<T>(Func<T> body)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = new SingleThreadContext();
        var thread = new Thread(() =>
        {
            SetSynchronizationContext(context);
            context.Post(_ =>
            {
                try
                {
                    done.SetResult(body());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
                finally
                {
                    context._queue.CompleteAdding();
                }
            }, null);
            foreach (var (callback, state) in context._queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        })
        { IsBackground = true };
        thread.Start();
        return done.Task;
    }
}
