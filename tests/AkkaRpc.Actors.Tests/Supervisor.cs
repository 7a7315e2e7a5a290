using AkkaRpc.Actors;

namespace AkkaRpc.Actors.Tests;

/// <summary>Asks a <see cref="Supervisor"/> to create a child.</summary>
internal sealed record CreateChild(Props Props, string Name);

/// <summary>A parent that creates the children it is asked to (replying with their refs) and supervises them with its props' strategy.</summary>
internal sealed class Supervisor : ReceiveActor
{
    public Supervisor()
    {
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
    }

    public static Props Props(SupervisorStrategy strategy) => Actors.Props.Create(() => new Supervisor()).WithSupervisorStrategy(strategy);
}
