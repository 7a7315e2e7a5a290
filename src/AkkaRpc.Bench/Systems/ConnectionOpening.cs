namespace AkkaRpc.Bench.Systems;

/// <summary>How the systems open a benchmark connection, in one place.</summary>
internal static class ConnectionOpening
{
    /// <summary>
    /// Pings through a new <paramref name="connection"/> once, so that its first call (the one that opens the transport)
    /// counts in the connection time, and releases <paramref name="held"/> if that fails.
    /// </summary>
    public static async Task<IBenchConnection> PingedAsync(IBenchConnection connection, IDisposable held, CancellationToken cancellationToken)
    {
        try
        {
            await connection.PingAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>An <see cref="HttpClient"/> of one kept-open connection, as each of rpycbench's clients holds its own.</summary>
    public static HttpClient HttpClient(string address, TimeSpan timeout) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false })
        {
            BaseAddress = new Uri(address),
            Timeout = timeout,
        };
}
