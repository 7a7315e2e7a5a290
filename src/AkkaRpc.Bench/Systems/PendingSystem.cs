namespace AkkaRpc.Bench.Systems;

/// <summary>
/// A system whose adapter cannot be built on this branch yet: it says why, and a run skips it with that reason in the
/// table and the report instead of measuring anything. Never asked to prepare or connect: those say so if they are.
/// </summary>
/// <param name="endpoint">Where the system would be.</param>
/// <param name="reason">Why it is not available, for the report.</param>
internal sealed class PendingSystem(SystemEndpoint endpoint, string reason) : IBenchSystem
{
    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <summary>Gets why the system is not available.</summary>
    public string Reason { get; } = reason;

    /// <inheritdoc/>
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.FromException(NotAvailable());

    /// <inheritdoc/>
    public Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken) => Task.FromException<IBenchConnection>(NotAvailable());

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private NotSupportedException NotAvailable() => new($"{Endpoint.Key} is not available: {Reason}");
}
