namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Where a chart's parts go: the legend on top, the plot area, and margins sized to the labels around it.</summary>
internal sealed record ChartFrame(double Width, double Height, double PlotLeft, double PlotTop, double PlotRight, double PlotBottom, IReadOnlyList<LegendEntry> Legend)
{
    /// <summary>Width of every chart in view-box units; the page scales it to the column.</summary>
    public const double ChartWidth = 760;

    /// <summary>Height of the plot area itself.</summary>
    public const double PlotHeight = 280;

    /// <summary>Font size of tick and legend labels, in view-box units.</summary>
    public const double LabelFontSize = 12;

    private const double LegendRowHeight = 20;
    private const double Padding = 12;
    private const double AxisTitleBand = 22;
    private const double LegendMarkerRadius = 3.5;

    /// <summary>Length of a legend's line sample: long enough to show a whole cycle of every dash pattern.</summary>
    public const double LegendLineLength = 30;

    /// <summary>Lays a chart out around its legend, its y tick labels and a bottom band of <paramref name="bottomBand"/> units.</summary>
    /// <param name="series">Each series' name and style; <paramref name="lines"/> says whether they are drawn as lines or bars.</param>
    /// <param name="lines">Whether the legend samples are line strokes (with their dash) rather than swatches.</param>
    /// <param name="yTickLabels">The y axis' tick labels, whose width sets the left margin.</param>
    /// <param name="bottomBand">Height below the plot for the x axis.</param>
    /// <param name="hollow">Names of the series whose legend markers are hollow (baselines); null for none.</param>
    public static ChartFrame Create(IReadOnlyList<(string Name, SeriesStyle Style)> series, bool lines, IEnumerable<string> yTickLabels, double bottomBand, IReadOnlySet<string>? hollow = null)
    {
        var legend = new List<LegendEntry>(series.Count);
        double x = Padding;
        double y = Padding;
        double sample = lines ? LegendLineLength : 12;
        foreach (var (name, style) in series)
        {
            double width = sample + 6 + TextWidth(name, LabelFontSize) + 18;
            if (x + width > ChartWidth - Padding && x > Padding)
            {
                x = Padding;
                y += LegendRowHeight;
            }

            legend.Add(new LegendEntry(name, style, lines, x, y, hollow?.Contains(name) == true));
            x += width;
        }

        double plotTop = (series.Count == 0 ? Padding : y + LegendRowHeight) + 10;
        double widestTick = yTickLabels.Select(label => TextWidth(label, LabelFontSize)).DefaultIfEmpty(0).Max();
        double plotLeft = Padding + AxisTitleBand + widestTick + 8;
        double plotBottom = plotTop + PlotHeight;
        return new ChartFrame(ChartWidth, plotBottom + bottomBand, plotLeft, plotTop, ChartWidth - Padding - 8, plotBottom, legend);
    }

    /// <summary>An estimate of how wide <paramref name="text"/> renders, for layout only: no font metrics exist offline.</summary>
    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * 0.6;

    /// <summary>Draws the legend: per entry a swatch (bars) or a stroke with the series' dash and marker (lines), and the series name.</summary>
    public void DrawLegend(SvgCanvas canvas)
    {
        if (Legend.Count == 0)
        {
            return;
        }

        canvas.OpenGroup("legend");
        foreach (LegendEntry entry in Legend)
        {
            canvas.OpenGroup("legend-item", entry.Name);
            double sample = 12;
            if (entry.Line)
            {
                sample = LegendLineLength;
                canvas.Path($"M{SvgCanvas.Px(entry.X)} {SvgCanvas.Px(entry.Y + 6)}h{SvgCanvas.Px(sample)}", entry.Style.Colour, "legend-line", entry.Style.Dash);
                canvas.Marker(entry.Style.Marker, entry.X + (sample / 2), entry.Y + 6, LegendMarkerRadius, entry.Hollow ? "#ffffff" : entry.Style.Colour, entry.Style.Colour, "legend-marker");
            }
            else
            {
                canvas.Rect(entry.X, entry.Y, 12, 12, entry.Style.Colour, "legend-swatch");
            }

            canvas.Text(entry.X + sample + 6, entry.Y + 10, entry.Name, "legend-label");
            canvas.CloseGroup();
        }

        canvas.CloseGroup();
    }

    /// <summary>Draws horizontal grid lines with their tick labels and the rotated y axis title.</summary>
    public void DrawYAxis(SvgCanvas canvas, AxisMap map, ChartAxis axis)
    {
        canvas.OpenGroup("axis y-axis");
        foreach (double tick in map.Ticks)
        {
            double y = map.Map(tick);
            canvas.Line(PlotLeft, y, PlotRight, y, tick == map.DomainMin ? "axis-line" : "grid");
            canvas.Text(PlotLeft - 6, y + 4, ValueText.TickLabel(tick, axis), "tick-label", "end");
        }

        canvas.Line(PlotLeft, PlotTop, PlotLeft, PlotBottom, "axis-line");
        double middle = (PlotTop + PlotBottom) / 2;
        canvas.Text(Padding + 12, middle, ValueText.AxisTitle(axis) + (axis.Scale == AxisScale.Log ? ", log scale" : ""), "axis-title", "middle", -90);
        canvas.CloseGroup();
    }

    /// <summary>Draws a message in the middle of the plot for a chart with nothing to show.</summary>
    public void DrawNoData(SvgCanvas canvas)
        => canvas.Text((PlotLeft + PlotRight) / 2, (PlotTop + PlotBottom) / 2, "No data", "no-data", "middle");
}
