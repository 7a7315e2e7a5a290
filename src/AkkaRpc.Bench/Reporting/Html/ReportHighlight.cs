namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>A headline figure shown as a tile: a label, a big value, and an optional line of context.</summary>
/// <param name="Label">What was measured, e.g. "AkkaRpc TCP · p50 latency".</param>
/// <param name="Value">The figure with its unit, already formatted, e.g. "38 µs".</param>
/// <param name="Detail">Context such as a ratio to the floor ("1.9× raw socket"); null for none.</param>
internal sealed record ReportHighlight(string Label, string Value, string? Detail = null);
