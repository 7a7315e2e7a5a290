using Akka.Configuration;

namespace AkkaRpc.Sqlite;

public sealed partial class DatabasesSupervisor
{
    /// <summary>The HOCON path of the dispatcher every database owner runs on.</summary>
    public const string OwnerDispatcherId = "akkarpc.sqlite.owner-dispatcher";

    /// <summary>The HOCON path of the owners' mailbox, which answers <see cref="Overloaded"/> when full.</summary>
    internal const string OwnerMailboxId = "akkarpc.sqlite.owner-mailbox";

    /// <summary>
    /// The reference configuration this assembly ships: the owners' dispatcher and mailbox. The supervisor adds it as
    /// a fallback when it starts, so an application's own HOCON under <c>akkarpc.sqlite</c> overrides it.
    /// </summary>
    public static Config DefaultConfig { get; } = ConfigurationFactory.ParseString(
        """
        akkarpc.sqlite {
          # Every DatabaseOwner runs here, on threads of its own. SQLite calls block their thread (a commit waits for
          # fsync, a statement waits up to busy-timeout for another process's lock): on Akka's default dispatcher that
          # would starve the .NET thread pool Akka.Remote and socket I/O run on, and on Akka's fork-join-executor, once
          # more owners block than there are cores, the others wait behind them although its other threads are idle.
          owner-dispatcher {
            type = Dispatcher
            executor = "AkkaRpc.Sqlite.OwnerThreadsConfigurator, AkkaRpc.Sqlite"
            owner-threads {
              # Threads for all owners together: as many owners run (or block) at once. cores x factor, within min..max.
              parallelism-min = 16
              parallelism-factor = 2.0
              parallelism-max = 64
              # How long a thread that ran out of work looks for more before it sleeps (one thread at a time): the
              # next request usually follows within microseconds, and waking a sleeping thread costs about a query.
              spin = 0.1ms
            }
            # Messages an owner handles before it lets the next owner have its thread.
            throughput = 30
          }

          # Bounded for database requests only (DatabasesOptions.MailboxCapacity): a full owner answers Overloaded at
          # once instead of dropping the request to dead letters. Owners must use it.
          owner-mailbox {
            mailbox-type = "AkkaRpc.Sqlite.OwnerMailbox, AkkaRpc.Sqlite"
          }
        }
        """);
}
