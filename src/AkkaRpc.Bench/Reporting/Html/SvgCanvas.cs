using System.Globalization;

namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Writes SVG elements as text, escaping every string and printing coordinates culture-free.</summary>
internal sealed class SvgCanvas
{
    private readonly TextWriter _out;

    /// <summary>Writes onto <paramref name="output"/>.</summary>
    public SvgCanvas(TextWriter output) => _out = output;

    /// <summary>A coordinate with at most two decimals: sub-pixel precision nobody sees only bloats the file.</summary>
    public static string Px(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Opens the root element, sized by its view box so it scales to the page, labelled for screen readers.</summary>
    public void Open(double width, double height, string label, string kind)
    {
        _out.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {kind}\" viewBox=\"0 0 {Px(width)} {Px(height)}\" role=\"img\" aria-label=\"{HtmlText.Escape(label)}\">");
    }

    /// <summary>Closes the root element.</summary>
    public void Close() => _out.Write("</svg>\n");

    /// <summary>Opens a group; <paramref name="series"/>, when given, names the series it draws (data-series).</summary>
    public void OpenGroup(string cssClass, string? series = null)
    {
        _out.Write(series is null
            ? $"<g class=\"{cssClass}\">"
            : $"<g class=\"{cssClass}\" data-series=\"{HtmlText.Escape(series)}\">");
    }

    /// <summary>Closes a group.</summary>
    public void CloseGroup() => _out.Write("</g>");

    /// <summary>A straight line.</summary>
    public void Line(double x1, double y1, double x2, double y2, string cssClass)
        => _out.Write($"<line class=\"{cssClass}\" x1=\"{Px(x1)}\" y1=\"{Px(y1)}\" x2=\"{Px(x2)}\" y2=\"{Px(y2)}\"/>");

    /// <summary>A filled rectangle with an optional hover tooltip.</summary>
    public void Rect(double x, double y, double width, double height, string fill, string cssClass, string? tooltip = null)
    {
        _out.Write($"<rect class=\"{cssClass}\" x=\"{Px(x)}\" y=\"{Px(y)}\" width=\"{Px(width)}\" height=\"{Px(height)}\" fill=\"{fill}\"");
        CloseWithTooltip("rect", tooltip);
    }

    /// <summary>A point marker of <paramref name="shape"/> centred on (<paramref name="cx"/>, <paramref name="cy"/>), with an optional hover tooltip.</summary>
    public void Marker(MarkerShape shape, double cx, double cy, double radius, string fill, string stroke, string cssClass, string? tooltip = null)
    {
        _out.Write($"<path class=\"{cssClass}\" data-marker=\"{MarkerPath.Name(shape)}\" d=\"{MarkerPath.For(shape, cx, cy, radius)}\" fill=\"{fill}\" stroke=\"{stroke}\"");
        CloseWithTooltip("path", tooltip);
    }

    /// <summary>An open path through <paramref name="data"/> (SVG path data built by the caller from <see cref="Px"/> values), solid or with <paramref name="dash"/>.</summary>
    public void Path(string data, string stroke, string cssClass, string? dash)
    {
        dash = dash is null ? "" : $" stroke-dasharray=\"{HtmlText.Escape(dash)}\"";
        _out.Write($"<path class=\"{cssClass}\" d=\"{data}\" fill=\"none\" stroke=\"{stroke}\"{dash}/>");
    }

    /// <summary>A line of text; <paramref name="rotate"/> turns it about its anchor point, in degrees.</summary>
    public void Text(double x, double y, string text, string cssClass, string anchor = "start", double rotate = 0, string? tooltip = null)
    {
        string transform = rotate == 0 ? "" : $" transform=\"rotate({Px(rotate)} {Px(x)} {Px(y)})\"";
        _out.Write($"<text class=\"{cssClass}\" x=\"{Px(x)}\" y=\"{Px(y)}\" text-anchor=\"{anchor}\"{transform}>");
        if (tooltip is not null)
        {
            _out.Write($"<title>{HtmlText.Escape(tooltip)}</title>");
        }

        _out.Write($"{HtmlText.Escape(text)}</text>");
    }

    private void CloseWithTooltip(string element, string? tooltip)
    {
        // Browsers show an SVG <title> child as the element's native tooltip: no script needed.
        _out.Write(tooltip is null ? "/>" : $"><title>{HtmlText.Escape(tooltip)}</title></{element}>");
    }
}
