namespace AkkaRpc.Reliability.Reporting;

/// <summary>A whole run: its profile and every attack's line.</summary>
/// <param name="Profile">"quick" or "long".</param>
/// <param name="Seconds">How long the run took.</param>
/// <param name="Results">One line per attack, in the order they ran.</param>
/// <param name="LoadAverage">The machine's load averages (1, 5, 15 min) when the run ended: times and timeouts on a busy machine read differently.</param>
internal sealed record SuiteReport(string Profile, double Seconds, IReadOnlyList<AttackResult> Results, string LoadAverage);
