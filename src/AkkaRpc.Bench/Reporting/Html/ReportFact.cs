namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>One name/value fact about a run, such as "Processors" = "2".</summary>
/// <param name="Name">What the fact is.</param>
/// <param name="Value">Its value, already formatted.</param>
internal sealed record ReportFact(string Name, string Value);
