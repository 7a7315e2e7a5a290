using Akka.Actor;

namespace AkkaRpc.Services;

/// <summary>
/// The host's <c>/user/services</c>: parent and supervisor of every hosted service's actor, and where clients resolve
/// a service by name (<see cref="ResolveService"/>). It restarts a service's actor only when it failed on an exception
/// its options mark fatal; exceptions from calls are the callers' replies and never reach it.
/// </summary>
internal sealed class ServicesRegistry : ReceiveActor
{
    /// <summary>Its name under <c>/user</c>.</summary>
    public const string Name = ServiceLocator.RegistryName;

    // Public: Akka creates actors through their public constructors (Props.Create only names it).
    public ServicesRegistry()
    {
        Receive<ResolveService>(r => Sender.Tell(Context.Child(r.Name) is var service && !service.IsNobody()
            ? new ServiceResolved(service)
            : new ServiceNotFound(r.Name)));
        Receive<AddService>(add => Context.ActorOf(add.Props, add.Name));
    }

    /// <summary>Starts the service actor <paramref name="Props"/> as <paramref name="Name"/> (the hosting builder checked the name is free).</summary>
    public sealed record AddService(string Name, Props Props);

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(
        maxNrOfRetries: 10,
        withinTimeRange: TimeSpan.FromMinutes(1),
        localOnlyDecider: e => e switch
        {
            ServiceFatalException => Directive.Restart,
            ActorInitializationException => Directive.Stop,
            _ => Directive.Restart,
        });
}
