using Akka.Actor;

namespace AkkaRpc.Sqlite;

/// <summary>
/// One client request on its way to an owner on (possibly) another member: it sends the request as itself, so the owner
/// replies here (the owner's member cannot reach the client, which listens nowhere), and hands the reply to the client.
/// Started by a <see cref="ClientRelay"/>, one per request, so replies need no correlation id.
/// </summary>
internal sealed class RelayedRequest : ReceiveActor
{
    // Past the request's own time limit: its client has given up by then (it waits the limit plus half a second).
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    // For a request with no time limit of its own (Begin behind another transaction, Ping): the longest a client waits.
    private static readonly TimeSpan Unlimited = TimeSpan.FromMinutes(6);

    public RelayedRequest(IActorRef owner, DatabaseRequest request, IActorRef client, string database)
    {
        Receive<DatabaseReply>(reply =>
        {
            client.Tell(reply);
            if (ClientRelay.Tracks(request, reply))
            {
                Context.Parent.Tell(new ClientRelay.Observed(request, reply));
            }

            Context.Stop(Self);
        });
        Receive<ClientRelay.OwnerLost>(lost =>
        {
            client.Tell(new OwnerLost(database, lost.Member.ToString()));
            Context.Stop(Self);
        });
        Receive<ReceiveTimeout>(_ => Context.Stop(Self));
        owner.Tell(request, Self);
        SetReceiveTimeout((request is StatementRequest { TimeLimit: { } limit } ? limit : Unlimited) + Grace);
    }

    public static Props Props(IActorRef owner, DatabaseRequest request, IActorRef client, string database) =>
        Akka.Actor.Props.Create(() => new RelayedRequest(owner, request, client, database));
}
