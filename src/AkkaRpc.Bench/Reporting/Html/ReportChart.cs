namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>A chart of a report: a <see cref="BarChart"/> or a <see cref="LineChart"/>, the two kinds the writer draws.</summary>
/// <param name="Title">The chart's heading.</param>
internal abstract record ReportChart(string Title)
{
    /// <summary>One line under the chart's heading, e.g. "lower is better"; null for none.</summary>
    public string? Caption { get; init; }
}
