using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace AkkaRpc.Sqlite;

/// <summary>
/// The owners' mailbox (<c>akkarpc.sqlite.owner-mailbox</c>): a full owner answers <see cref="Overloaded"/> to the
/// sender at once, on the sender's thread, where Akka's bounded mailboxes would drop the request to dead letters (or
/// block the sender) and leave the caller to time out.
/// </summary>
/// <remarks>Akka creates it by name from HOCON, which needs the public constructor.</remarks>
internal sealed class OwnerMailbox(Settings settings, Config config)
    : MailboxType(settings, config), IProducesMessageQueue<OwnerMessageQueue>
{
    /// <inheritdoc />
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new OwnerMessageQueue(owner);
}
