namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Draws a <see cref="BarChart"/> as SVG: grouped bars, value labels where they fit, tooltips on every bar.</summary>
internal static class BarChartSvg
{
    private const double GroupFill = 0.78;
    private const double MaxBarWidth = 56;
    private const double MinLabelledBarWidth = 30;
    private const double CategoryLabelAngle = -30;

    /// <summary>Writes the chart's &lt;svg&gt; element to <paramref name="output"/>.</summary>
    public static void Render(BarChart chart, TextWriter output)
    {
        var canvas = new SvgCanvas(output);
        ChartAxis axis = chart.ValueAxis;
        AxisMap unplaced = AxisMap.Create(axis, chart.Series.SelectMany(s => s.Values).OfType<double>(), 0, 1);

        int categories = chart.Categories.Count;
        double plotWidthGuess = ChartFrame.ChartWidth - 120;
        double groupWidthGuess = categories == 0 ? plotWidthGuess : plotWidthGuess / categories;
        double widestCategory = chart.Categories.Select(c => ChartFrame.TextWidth(c, ChartFrame.LabelFontSize)).DefaultIfEmpty(0).Max();
        // Labels wider than their group would overlap their neighbours; slanted ones take height instead.
        bool slanted = widestCategory > groupWidthGuess - 6;
        double bottomBand = slanted ? 20 + (widestCategory * Math.Sin(-CategoryLabelAngle * Math.PI / 180)) : 32;

        var legend = chart.Series.Select((s, i) => (s.Name, Style: s.Style ?? SeriesStyle.Default(i))).ToList();
        ChartFrame frame = ChartFrame.Create(legend, lines: false, unplaced.Ticks.Select(t => ValueText.TickLabel(t, axis)), bottomBand);
        AxisMap y = unplaced.WithPixelRange(frame.PlotBottom, frame.PlotTop);

        canvas.Open(frame.Width, frame.Height, chart.Title, "bar-chart");
        frame.DrawLegend(canvas);
        frame.DrawYAxis(canvas, y, axis);
        if (categories == 0 || chart.Series.Count == 0)
        {
            frame.DrawNoData(canvas);
            canvas.Close();
            return;
        }

        double groupWidth = (frame.PlotRight - frame.PlotLeft) / categories;
        double barWidth = Math.Min(MaxBarWidth, groupWidth * GroupFill / chart.Series.Count);
        double groupInset = (groupWidth - (barWidth * chart.Series.Count)) / 2;
        // Bars grow from zero on a linear axis; a log axis has no zero, so they grow from its floor.
        double baseline = y.Map(y.Scale == AxisScale.Log ? y.DomainMin : Math.Clamp(0, y.DomainMin, y.DomainMax));

        for (int s = 0; s < chart.Series.Count; s++)
        {
            BarSeries series = chart.Series[s];
            string colour = legend[s].Style.Colour;
            canvas.OpenGroup("series", series.Name);
            for (int c = 0; c < categories; c++)
            {
                double x = frame.PlotLeft + (c * groupWidth) + groupInset + (s * barWidth);
                double? value = series.Values[c];
                if (value is not double v || !y.CanShow(v))
                {
                    // Not measured (or not drawable on a log axis): say so instead of drawing a zero-height bar.
                    canvas.Text(x + (barWidth / 2), baseline - 4, "n/a", "bar-missing", "middle", tooltip: $"{chart.Categories[c]} · {series.Name}: not measured");
                    continue;
                }

                double top = y.Map(v);
                string tooltip = $"{chart.Categories[c]} · {series.Name}: {ValueText.FormatWithUnit(v, axis)}";
                canvas.Rect(x + 1, Math.Min(top, baseline), Math.Max(barWidth - 2, 1), Math.Max(Math.Abs(baseline - top), 0.5), colour, "bar", tooltip);
                if (barWidth >= MinLabelledBarWidth)
                {
                    canvas.Text(x + (barWidth / 2), Math.Min(top, baseline) - 4, ValueText.Format(v, axis.Format), "bar-value", "middle");
                }
            }

            canvas.CloseGroup();
        }

        canvas.OpenGroup("axis x-axis");
        for (int c = 0; c < categories; c++)
        {
            double centre = frame.PlotLeft + ((c + 0.5) * groupWidth);
            if (slanted)
            {
                canvas.Text(centre, frame.PlotBottom + 16, chart.Categories[c], "category-label", "end", CategoryLabelAngle);
            }
            else
            {
                canvas.Text(centre, frame.PlotBottom + 20, chart.Categories[c], "category-label", "middle");
            }
        }

        canvas.CloseGroup();
        canvas.Close();
    }
}
