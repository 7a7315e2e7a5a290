using System.Collections.Concurrent;
using AkkaRpc.Client;

namespace AkkaRpc.Data;

/// <summary>
/// One database handle per connection string, shared by every pooled <see cref="AkkaRpcConnection"/> that uses it.
/// A handle is safe for concurrent use and reconnects by itself, so, unlike a pool of native connections, one is
/// enough: opening a pooled connection after the first costs no round trip. A handle whose client was shut down
/// (<see cref="AkkaRpcClient.ShutdownAsync"/>) is replaced on the next open.
/// </summary>
internal static class HandlePool
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<AkkaRpcDatabase>>> s_handles = new(StringComparer.Ordinal);

    public static async Task<AkkaRpcDatabase> GetAsync(string key, string database, AkkaRpcClientOptions options, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = s_handles.GetOrAdd(key, _ => new Lazy<Task<AkkaRpcDatabase>>(() => AkkaRpcClient.ConnectAsync(database, options, CancellationToken.None)));
            AkkaRpcDatabase handle;
            try
            {
                // The connect is shared, so one caller's cancellation only stops its own wait.
                handle = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                s_handles.TryRemove(KeyValuePair.Create(key, entry)); // a failed connect is not cached: the next open tries again
                throw;
            }

            if (!handle.Runtime.System.WhenTerminated.IsCompleted)
            {
                return handle;
            }

            s_handles.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    /// <summary>Closes every shared handle; pooled connections open on them fail until they are opened again.</summary>
    public static async Task ClearAsync()
    {
        foreach (var (key, entry) in s_handles.ToArray())
        {
            if (s_handles.TryRemove(KeyValuePair.Create(key, entry)) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                await entry.Value.Result.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
