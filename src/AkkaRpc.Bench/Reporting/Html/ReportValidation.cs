namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Checks that a <see cref="ReportDocument"/> is consistent before any of it is written.</summary>
internal static class ReportValidation
{
    /// <summary>Throws if a bar series does not have one value per category or a table row one cell per header.</summary>
    /// <exception cref="ArgumentException">The message names the section, chart or table and what is wrong.</exception>
    public static void Validate(ReportDocument document)
    {
        foreach (ReportSection section in document.Sections)
        {
            foreach (ReportChart chart in section.Charts)
            {
                if (chart is BarChart bars)
                {
                    foreach (BarSeries series in bars.Series)
                    {
                        if (series.Values.Count != bars.Categories.Count)
                        {
                            throw new ArgumentException(
                                $"Section \"{section.Title}\", chart \"{bars.Title}\": series \"{series.Name}\" has {series.Values.Count} values for {bars.Categories.Count} categories; it needs one per category (null where nothing was measured).",
                                nameof(document));
                        }
                    }
                }
            }

            foreach (ReportTable table in section.Tables)
            {
                for (int r = 0; r < table.Rows.Count; r++)
                {
                    if (table.Rows[r].Count != table.Headers.Count)
                    {
                        throw new ArgumentException(
                            $"Section \"{section.Title}\", table \"{table.Caption ?? "(no caption)"}\": row {r + 1} has {table.Rows[r].Count} cells for {table.Headers.Count} headers.",
                            nameof(document));
                    }
                }
            }
        }
    }
}
