namespace AkkaRpc.Reliability.Attacks;

/// <summary>What an attack saw.</summary>
/// <param name="Outcome">What the attacker and the other clients saw, in a line: replies, error texts, times.</param>
/// <param name="Writes">Writes the attack itself had acknowledged, besides the honest writer's, to be counted after the restart.</param>
internal sealed record AttackObservation(string Outcome, IReadOnlyList<WriteTally> Writes)
{
    /// <summary>An observation with no writes of the attack's own.</summary>
    public AttackObservation(string outcome)
        : this(outcome, [])
    {
    }
}
