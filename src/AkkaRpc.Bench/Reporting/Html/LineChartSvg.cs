using System.Text;

namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>
/// Draws a <see cref="LineChart"/> as SVG: one line per series through its measured points only, with its marker and a
/// tooltip at every point; a series of one point is that marker alone, never a line from an invented origin.
/// </summary>
internal static class LineChartSvg
{
    private const double MarkerRadius = 3.5;

    /// <summary>Writes the chart's &lt;svg&gt; element to <paramref name="output"/>.</summary>
    public static void Render(LineChart chart, TextWriter output)
    {
        var canvas = new SvgCanvas(output);
        AxisMap xUnplaced = AxisMap.Create(chart.XAxis, chart.Series.SelectMany(s => s.Points).Select(p => p.X), 0, 1);
        AxisMap yUnplaced = AxisMap.Create(chart.YAxis, chart.Series.SelectMany(s => s.Points).Select(p => p.Y), 0, 1);

        var styles = chart.Series.Select((s, i) => (s.Name, Style: s.Style ?? SeriesStyle.Default(i))).ToList();
        ChartFrame frame = ChartFrame.Create(styles, lines: true, yUnplaced.Ticks.Select(t => ValueText.TickLabel(t, chart.YAxis)), bottomBand: 46,
            chart.Series.Where(s => s.IsBaseline).Select(s => s.Name).ToHashSet(StringComparer.Ordinal));
        AxisMap x = xUnplaced.WithPixelRange(frame.PlotLeft, frame.PlotRight);
        AxisMap y = yUnplaced.WithPixelRange(frame.PlotBottom, frame.PlotTop);

        canvas.Open(frame.Width, frame.Height, chart.Title, "line-chart");
        frame.DrawLegend(canvas);
        frame.DrawYAxis(canvas, y, chart.YAxis);
        DrawXAxis(canvas, frame, x, chart.XAxis);
        if (!chart.Series.Any(s => s.Points.Any(p => x.CanShow(p.X) && y.CanShow(p.Y))))
        {
            frame.DrawNoData(canvas);
            canvas.Close();
            return;
        }

        for (int s = 0; s < chart.Series.Count; s++)
        {
            LineSeries series = chart.Series[s];
            SeriesStyle style = styles[s].Style;
            string colour = style.Colour;
            var points = series.Points.Where(p => x.CanShow(p.X) && y.CanShow(p.Y)).OrderBy(p => p.X).ToList();
            canvas.OpenGroup(series.IsBaseline ? "series baseline" : "series", series.Name);
            if (points.Count > 1)
            {
                var path = new StringBuilder();
                foreach (ChartPoint point in points)
                {
                    path.Append(path.Length == 0 ? 'M' : 'L').Append(SvgCanvas.Px(x.Map(point.X))).Append(' ').Append(SvgCanvas.Px(y.Map(point.Y)));
                }

                canvas.Path(path.ToString(), colour, "line", style.Dash);
            }

            foreach (ChartPoint point in points)
            {
                string tooltip = $"{series.Name} — {chart.XAxis.Label}: {ValueText.FormatWithUnit(point.X, chart.XAxis)}, {chart.YAxis.Label}: {ValueText.FormatWithUnit(point.Y, chart.YAxis)}";
                // Baselines get hollow markers so they read as reference marks, not measurements to compare.
                canvas.Marker(style.Marker, x.Map(point.X), y.Map(point.Y), MarkerRadius, series.IsBaseline ? "#ffffff" : colour, colour, "marker", tooltip);
            }

            canvas.CloseGroup();
        }

        canvas.Close();
    }

    private static void DrawXAxis(SvgCanvas canvas, ChartFrame frame, AxisMap x, ChartAxis axis)
    {
        canvas.OpenGroup("axis x-axis");
        foreach (double tick in x.Ticks)
        {
            double position = x.Map(tick);
            canvas.Line(position, frame.PlotTop, position, frame.PlotBottom, "grid grid-vertical");
            canvas.Line(position, frame.PlotBottom, position, frame.PlotBottom + 4, "axis-line");
            canvas.Text(position, frame.PlotBottom + 18, ValueText.TickLabel(tick, axis), "tick-label", "middle");
        }

        canvas.Line(frame.PlotLeft, frame.PlotBottom, frame.PlotRight, frame.PlotBottom, "axis-line");
        string title = ValueText.AxisTitle(axis) + (axis.Scale == AxisScale.Log ? ", log scale" : "");
        canvas.Text((frame.PlotLeft + frame.PlotRight) / 2, frame.PlotBottom + 38, title, "axis-title", "middle");
        canvas.CloseGroup();
    }
}
