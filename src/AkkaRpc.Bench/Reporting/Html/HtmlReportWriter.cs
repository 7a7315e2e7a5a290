using System.Text;

namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Writes a <see cref="ReportDocument"/> as one self-contained HTML page with inline CSS and SVG charts.</summary>
/// <remarks>
/// The page fetches nothing: no scripts, fonts, stylesheets or images from anywhere, and its content security
/// policy forbids them, so it opens the same from a laptop on a plane as from a CI artifact.
/// </remarks>
internal static class HtmlReportWriter
{
    // Belt and braces for "offline": even a future edit that adds a link cannot make the page load it.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    /// <summary>Writes the page to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentException">The document is inconsistent (a bar series or table row of the wrong length); the message names the part.</exception>
    public static void Write(ReportDocument document, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        ReportValidation.Validate(document);

        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write($"<title>{HtmlText.Escape(document.Title)}</title>\n<style>\n{ReportStyles.Css}\n</style>\n</head>\n<body>\n<main>\n");
        WriteHeader(document, writer);
        for (int i = 0; i < document.Sections.Count; i++)
        {
            WriteSection(document.Sections[i], SectionId(i), writer);
        }

        writer.Write("</main>\n</body>\n</html>\n");
    }

    /// <summary>Writes the page to <paramref name="stream"/> as UTF-8 without a byte order mark.</summary>
    /// <exception cref="ArgumentException">The document is inconsistent; the message names the part.</exception>
    public static async Task WriteAsync(ReportDocument document, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // A report is tens of kilobytes: rendering to memory first keeps the renderer synchronous and simple.
        var text = new StringWriter();
        Write(document, text);
        byte[] bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string SectionId(int index) => $"section-{index + 1}";

    private static void WriteHeader(ReportDocument document, TextWriter writer)
    {
        writer.Write($"<header>\n<h1>{HtmlText.Escape(document.Title)}</h1>\n");
        if (document.Subtitle is { } subtitle)
        {
            writer.Write($"<p class=\"subtitle\">{HtmlText.Escape(subtitle)}</p>\n");
        }

        if (document.RunFacts.Count > 0)
        {
            writer.Write("<dl class=\"facts\">");
            foreach (ReportFact fact in document.RunFacts)
            {
                writer.Write($"<div><dt>{HtmlText.Escape(fact.Name)}</dt><dd>{HtmlText.Escape(fact.Value)}</dd></div>");
            }

            writer.Write("</dl>\n");
        }

        writer.Write("</header>\n");
        if (document.Highlights.Count > 0)
        {
            writer.Write("<div class=\"highlights\">");
            foreach (ReportHighlight highlight in document.Highlights)
            {
                writer.Write($"<div class=\"highlight\"><div class=\"label\">{HtmlText.Escape(highlight.Label)}</div><div class=\"value\">{HtmlText.Escape(highlight.Value)}</div>");
                if (highlight.Detail is { } detail)
                {
                    writer.Write($"<div class=\"detail\">{HtmlText.Escape(detail)}</div>");
                }

                writer.Write("</div>");
            }

            writer.Write("</div>\n");
        }

        // A table of contents only helps once there is more than a screenful of sections.
        if (document.Sections.Count > 1)
        {
            writer.Write("<nav class=\"toc\">");
            for (int i = 0; i < document.Sections.Count; i++)
            {
                writer.Write($"<a href=\"#{SectionId(i)}\">{HtmlText.Escape(document.Sections[i].Title)}</a>");
            }

            writer.Write("</nav>\n");
        }
    }

    private static void WriteSection(ReportSection section, string id, TextWriter writer)
    {
        writer.Write($"<section class=\"report-section\" id=\"{id}\">\n<h2>{HtmlText.Escape(section.Title)}</h2>\n");
        foreach (string note in section.Notes)
        {
            writer.Write($"<p class=\"note\">{HtmlText.Escape(note)}</p>\n");
        }

        foreach (ReportChart chart in section.Charts)
        {
            writer.Write($"<figure>\n<h3>{HtmlText.Escape(chart.Title)}</h3>\n");
            if (chart.Caption is { } caption)
            {
                writer.Write($"<figcaption>{HtmlText.Escape(caption)}</figcaption>\n");
            }

            switch (chart)
            {
                case BarChart bars:
                    BarChartSvg.Render(bars, writer);
                    break;
                case LineChart lines:
                    LineChartSvg.Render(lines, writer);
                    break;
                default:
                    throw new ArgumentException($"Chart \"{chart.Title}\" is a {chart.GetType().Name}; the report draws only {nameof(BarChart)} and {nameof(LineChart)}.", nameof(section));
            }

            writer.Write("</figure>\n");
        }

        foreach (ReportTable table in section.Tables)
        {
            WriteTable(table, writer);
        }

        writer.Write("</section>\n");
    }

    private static void WriteTable(ReportTable table, TextWriter writer)
    {
        writer.Write("<table class=\"figures\">");
        if (table.Caption is { } caption)
        {
            writer.Write($"<caption>{HtmlText.Escape(caption)}</caption>");
        }

        writer.Write("<thead><tr>");
        foreach (string header in table.Headers)
        {
            writer.Write($"<th scope=\"col\">{HtmlText.Escape(header)}</th>");
        }

        writer.Write("</tr></thead>\n<tbody>\n");
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            writer.Write("<tr>");
            foreach (string cell in row)
            {
                writer.Write($"<td>{HtmlText.Escape(cell)}</td>");
            }

            writer.Write("</tr>\n");
        }

        writer.Write("</tbody></table>\n");
    }
}
