namespace AkkaRpc.Reliability.Reporting;

/// <summary>One line of the table: what an attack did to a node and what was left afterwards.</summary>
/// <param name="Attack">The attack's name.</param>
/// <param name="Item">The issue item it covers, or "held".</param>
/// <param name="Outcome">What the attacker and the other clients saw.</param>
/// <param name="AcknowledgedWrites">Inserts acknowledged during the attack (honest writers and the attack's own).</param>
/// <param name="RowsPresent">Of the tables those inserts went to, the rows found after the node was killed and restarted; null when they could not be counted.</param>
/// <param name="LostWrites">Acknowledged inserts missing afterwards, table by table; null when the rows could not be counted.</param>
/// <param name="NodeServing">Whether a fresh client could use another database on the node right after the attack.</param>
/// <param name="ServingNote">How serving was checked, or why it failed.</param>
/// <param name="Seconds">How long the attack took, checks included.</param>
internal sealed record AttackResult(
    string Attack,
    string Item,
    string Outcome,
    long AcknowledgedWrites,
    long? RowsPresent,
    long? LostWrites,
    bool NodeServing,
    string ServingNote,
    double Seconds);
