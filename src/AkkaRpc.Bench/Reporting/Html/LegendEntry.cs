namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>One legend item, placed: its series name, colour, stroke style and top-left corner.</summary>
internal sealed record LegendEntry(string Name, string Colour, bool Dashed, double X, double Y);
