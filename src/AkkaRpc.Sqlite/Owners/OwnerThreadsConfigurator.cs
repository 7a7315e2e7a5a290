using Akka.Configuration;
using Akka.Dispatch;

namespace AkkaRpc.Sqlite;

/// <summary>
/// Makes <see cref="OwnerThreads"/> for a dispatcher whose <c>executor</c> names this type, reading its section
/// <c>owner-threads</c>: <c>parallelism-min</c>, <c>parallelism-factor</c> (threads per core), <c>parallelism-max</c>
/// and <c>spin</c> (how long an idle thread looks for work before it sleeps).
/// </summary>
/// <remarks>Akka creates it by name from HOCON, which needs the public constructor.</remarks>
internal sealed class OwnerThreadsConfigurator(Config config, IDispatcherPrerequisites prerequisites)
    : ExecutorServiceConfigurator(config, prerequisites)
{
    /// <inheritdoc />
    public override ExecutorService Produce(string id)
    {
        var section = Config.GetConfig("owner-threads") ?? Config.Empty;
        var threads = ThreadPoolConfig.ScaledPoolSize(
            section.GetInt("parallelism-min", 16), section.GetDouble("parallelism-factor", 2.0), section.GetInt("parallelism-max", 64));
        return new OwnerThreads(id, threads, section.GetTimeSpan("spin", TimeSpan.FromMilliseconds(0.1)));
    }
}
