namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>One part of a report, usually one scenario: notes, then charts, then tables.</summary>
/// <param name="Title">The section heading, e.g. "Latency".</param>
internal sealed record ReportSection(string Title)
{
    /// <summary>Paragraphs of plain text shown under the heading (what ran, how to read the charts).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Charts, in order: each is a <see cref="BarChart"/> or a <see cref="LineChart"/>.</summary>
    public IReadOnlyList<ReportChart> Charts { get; init; } = [];

    /// <summary>Tables with the exact figures behind the charts, in order.</summary>
    public IReadOnlyList<ReportTable> Tables { get; init; } = [];
}
