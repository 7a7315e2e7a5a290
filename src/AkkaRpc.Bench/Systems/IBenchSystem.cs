namespace AkkaRpc.Bench.Systems;

/// <summary>A system under test: opens connections for simulated clients.</summary>
internal interface IBenchSystem : IAsyncDisposable
{
    /// <summary>Gets where the system is.</summary>
    SystemEndpoint Endpoint { get; }

    /// <summary>Makes sure the benchmark's tables and seed rows exist; called once before any scenario.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection of its own, ready for requests.</summary>
    Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken);
}
