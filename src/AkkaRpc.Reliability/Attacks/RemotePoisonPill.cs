using Akka.Actor;
using AkkaRpc.Protocol;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Issue item 9: an authenticated client sends <c>PoisonPill</c> and <c>Kill</c> to <c>/user/databases</c>. An
/// <c>Identify</c> sent after them on the same connection (so answered after them) says whether the supervisor is still there.
/// </summary>
internal sealed class RemotePoisonPill : Attack
{
    public override string Name => "remote PoisonPill and Kill to /user/databases";

    public override string Item => "9";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var system = context.RawSystem("poisoner");
        // Resolving an owner first brings the association up, so what follows goes over one live connection, in order.
        await context.ResolveOwnerAsync(system, "poisoned", cancellationToken).ConfigureAwait(false);
        var address = context.Node.Addresses.First(a => a.Protocol.EndsWith("unix", StringComparison.Ordinal));
        var databases = system.ActorSelection(new RootActorPath(address) / "user" / NodePaths.DatabasesName);
        databases.Tell(PoisonPill.Instance);
        databases.Tell(Kill.Instance);
        var identity = await Attempt.DescribeAsync(
            async () => (await databases.Ask<ActorIdentity>(new Identify(1), TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false)).Subject is null ? "GONE" : "still there",
            cancellationToken).ConfigureAwait(false);
        var query = await context.FreshClientAsync("after-poison", cancellationToken).ConfigureAwait(false);
        return new AttackObservation($"/user/databases after PoisonPill and Kill: {identity}; a new client: {query}; node {(context.Node.HasExited ? "EXITED" : "running")}");
    }
}
