namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>How one axis of a chart is labelled and scaled.</summary>
/// <param name="Label">What the axis measures, e.g. "Latency" or "Payload".</param>
/// <param name="Unit">The unit shown after the label and in tooltips, e.g. "µs", "req/s", "MB/s"; "" for none.</param>
/// <param name="Scale">Linear, or logarithmic for values spanning several orders of magnitude.</param>
/// <param name="Format">How tick labels and tooltips print values.</param>
internal sealed record ChartAxis(string Label, string Unit, AxisScale Scale = AxisScale.Linear, ValueFormat Format = ValueFormat.Number);
