namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>One legend item, placed: its series name and style, whether it stands for a line (else a bar), and its top-left corner.</summary>
internal sealed record LegendEntry(string Name, SeriesStyle Style, bool Line, double X, double Y);
