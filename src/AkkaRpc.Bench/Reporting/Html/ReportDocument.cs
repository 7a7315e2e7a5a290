namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>A whole benchmark report: what ran, where, and its results, section by section.</summary>
/// <param name="Title">The page heading and the browser tab's title.</param>
/// <param name="Sections">The report's body, in reading order.</param>
internal sealed record ReportDocument(string Title, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>One line under the title, e.g. the command line that produced the run; null for none.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Facts about the run (machine, OS, .NET, start time, duration), shown as a small name/value list.</summary>
    public IReadOnlyList<ReportFact> RunFacts { get; init; } = [];

    /// <summary>The few headline figures shown as large tiles above the sections, e.g. "AkkaRpc TCP p50 latency".</summary>
    public IReadOnlyList<ReportHighlight> Highlights { get; init; } = [];
}
