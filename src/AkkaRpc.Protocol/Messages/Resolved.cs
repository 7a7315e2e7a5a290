using Akka.Actor;

namespace AkkaRpc.Protocol;

/// <summary>The owner of a database, ready for requests.</summary>
/// <param name="Name">The database's name.</param>
/// <param name="Owner">Its owner actor, at <c>/user/databases/&lt;name&gt;</c>.</param>
public sealed record Resolved(string Name, IActorRef Owner) : DatabaseReply;
