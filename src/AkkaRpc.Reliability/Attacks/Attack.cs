using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// One bounded, self-stopping attack on a node. It reports what the attacker and the other clients saw, never a
/// verdict decided in advance: the suite adds the honest writer's count, the rows found after a restart and whether a
/// fresh client is still served.
/// </summary>
internal abstract class Attack
{
    /// <summary>Gets the attack's name in the table.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the issue item it covers ("1".."11"), or "held" for what already held when the issue was filed.</summary>
    public abstract string Item { get; }

    /// <summary>Gets how many honest writers run during the attack.</summary>
    public virtual int HonestWriters => 1;

    /// <summary>Gets the pause between one honest writer's inserts; zero writes as fast as the node answers.</summary>
    public virtual TimeSpan WriterPacing => TimeSpan.FromMilliseconds(10);

    /// <summary>Runs the attack; returns what it saw. Must end by itself within the profile's bounds.</summary>
    public abstract Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken);
}
