namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Grouped vertical bars: one group per category, one bar per series in each group.</summary>
/// <remarks>
/// Latency percentiles per system: categories are the systems ("AkkaRpc TCP", "HTTP/REST", "raw socket"),
/// series are "p50", "p95", "p99", and the value axis is in µs.
/// </remarks>
/// <param name="Title">The chart's heading.</param>
/// <param name="Categories">The groups along the horizontal axis, left to right.</param>
/// <param name="Series">The bars of every group, in legend order; each has one value per category.</param>
/// <param name="ValueAxis">The vertical axis: its label, unit and scale.</param>
internal sealed record BarChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Series, ChartAxis ValueAxis)
    : ReportChart(Title);
