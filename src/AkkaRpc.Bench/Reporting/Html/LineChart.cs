namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Lines of (x, y) points, one line per series, with markers at every point.</summary>
/// <remarks>
/// Throughput vs clients: x is "Clients", y is "Throughput" in "req/s", one series per system.
/// Bandwidth vs payload: x is "Payload" with <see cref="ValueFormat.Bytes"/> on <see cref="AxisScale.Log"/>,
/// y is "Bandwidth" in "MB/s", one series per system and direction ("AkkaRpc TCP upload").
/// </remarks>
/// <param name="Title">The chart's heading.</param>
/// <param name="XAxis">The horizontal axis.</param>
/// <param name="YAxis">The vertical axis.</param>
/// <param name="Series">The lines, in legend order.</param>
internal sealed record LineChart(string Title, ChartAxis XAxis, ChartAxis YAxis, IReadOnlyList<LineSeries> Series)
    : ReportChart(Title);
