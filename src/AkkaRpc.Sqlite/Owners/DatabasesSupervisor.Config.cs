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
          # Every DatabaseOwner runs here; for now on the .NET thread pool, as Akka's default dispatcher does.
          owner-dispatcher {
            type = Dispatcher
            executor = default-executor
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
