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

    /// <summary>Lays a chart out around its legend, its y tick labels and a bottom band of <paramref name="bottomBand"/> units.</summary>
    public static ChartFrame Create(IReadOnlyList<(string Name, string Colour, bool Dashed)> series, IEnumerable<string> yTickLabels, double bottomBand)
    {
        var legend = new List<LegendEntry>(series.Count);
        double x = Padding;
        double y = Padding;
        foreach (var (name, colour, dashed) in series)
        {
            double width = 18 + TextWidth(name, LabelFontSize) + 18;
            if (x + width > ChartWidth - Padding && x > Padding)
            {
                x = Padding;
                y += LegendRowHeight;
            }

            legend.Add(new LegendEntry(name, colour, dashed, x, y));
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

    /// <summary>Draws the legend: a swatch (or a dashed stroke for baselines) and the series name per entry.</summary>
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
            if (entry.Dashed)
            {
                canvas.Path($"M{SvgCanvas.Px(entry.X)} {SvgCanvas.Px(entry.Y + 6)}h14", entry.Colour, "legend-line", dashed: true);
            }
            else
            {
                canvas.Rect(entry.X, entry.Y, 12, 12, entry.Colour, "legend-swatch");
            }

            canvas.Text(entry.X + 18, entry.Y + 10, entry.Name, "legend-label");
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
