namespace AkkaRpc.Bench.Running;

/// <summary>What a run measures and where its load comes from.</summary>
/// <param name="Suite">Which suite: the measurements each system gets.</param>
/// <param name="Settings">Sizes of the measurements and the number of rounds.</param>
/// <param name="Quick">Whether the sizes are --quick's (recorded in the report).</param>
/// <param name="Systems">Keys of the systems to measure (see <c>SystemCatalog</c>), in run order.</param>
/// <param name="Node">An already running AkkaRpc node to measure instead of starting one.</param>
/// <param name="Workers">Workers to wait for; 0 runs the load in this process.</param>
/// <param name="Listen">host:port the coordinator listens at for workers.</param>
/// <param name="WorkerTimeout">How long to wait for the workers to register.</param>
/// <param name="ConfigPath">The HOCON file servers and the coordinator read (hocon/bench.conf).</param>
/// <param name="PublicHost">The host name workers reach the coordinator (and the servers it starts) by, when it listens on every interface.</param>
internal sealed record BenchRunOptions(
    BenchSuiteKind Suite,
    BenchSettings Settings,
    bool Quick,
    IReadOnlyList<string> Systems,
    string? Node,
    int Workers,
    string? Listen,
    TimeSpan WorkerTimeout,
    string ConfigPath,
    string? PublicHost = null);
