namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>One legend item, placed.</summary>
/// <param name="Name">The series' name.</param>
/// <param name="Style">The series' colour, dash and marker.</param>
/// <param name="Line">Whether it stands for a line (else a bar).</param>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Hollow">Whether its marker is drawn hollow, as a baseline's points are.</param>
internal sealed record LegendEntry(string Name, SeriesStyle Style, bool Line, double X, double Y, bool Hollow = false);
