namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>A table of already-formatted cells: the exact figures behind a chart, or anything else tabular.</summary>
/// <param name="Headers">Column headings, left to right.</param>
/// <param name="Rows">Rows of cells; each row has one cell per header.</param>
internal sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>A caption above the table; null for none.</summary>
    public string? Caption { get; init; }
}
