namespace AkkaRpc.Bench.Systems;

/// <summary>A system under test: opens connections for simulated clients.</summary>
internal interface IBenchSystem : IAsyncDisposable
{
    /// <summary>Gets where the system is.</summary>
    SystemEndpoint Endpoint { get; }

    /// <summary>Makes sure the benchmark's tables and seed rows exist; called once before any scenario.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Opens a simulated client's connection, ready for requests, as an application in this process would hold it.</summary>
    Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens a connection as a new process's first one is opened: what the connection scenario times. The same as
    /// <see cref="ConnectAsync"/> unless the system shares something per process (AkkaRpc's client actor system).
    /// </summary>
    Task<IBenchConnection> ConnectFreshAsync(CancellationToken cancellationToken) => ConnectAsync(cancellationToken);
}
