namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>The report's whole stylesheet, inlined into the page so it renders offline exactly as designed.</summary>
internal static class ReportStyles
{
    /// <summary>The CSS; system fonts only, since the page may not fetch anything.</summary>
    public const string Css = """
        :root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --rule: #e4e7eb; --paper: #ffffff; --page: #f5f7fa; --accent: #4e79a7; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--page); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 64px; }
        header h1 { margin: 0 0 4px; font-size: 28px; }
        header .subtitle { margin: 0 0 16px; color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; overflow-wrap: anywhere; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 24px; margin: 0 0 24px; font-size: 13px; }
        dl.facts div { display: flex; gap: 8px; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; font-weight: 600; }
        .highlights { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin: 0 0 24px; }
        .highlight { background: var(--paper); border-radius: 8px; padding: 14px 16px; box-shadow: 0 1px 3px rgba(15, 23, 42, .12); border-top: 3px solid var(--accent); }
        .highlight .label { color: var(--muted); font-size: 13px; }
        .highlight .value { font-size: 26px; font-weight: 700; line-height: 1.2; }
        .highlight .detail { font-size: 13px; color: var(--muted); }
        nav.toc { margin: 0 0 24px; font-size: 14px; }
        nav.toc a { color: var(--accent); margin-right: 16px; text-decoration: none; }
        section.report-section { background: var(--paper); border-radius: 8px; padding: 20px 24px; margin: 0 0 24px; box-shadow: 0 1px 3px rgba(15, 23, 42, .12); }
        section.report-section h2 { margin: 0 0 8px; font-size: 21px; }
        section.report-section p.note { margin: 0 0 8px; color: var(--muted); }
        figure { margin: 16px 0 8px; }
        figure h3 { margin: 0; font-size: 16px; }
        figcaption { color: var(--muted); font-size: 13px; margin: 0 0 4px; }
        svg.chart { display: block; width: 100%; height: auto; font-family: inherit; }
        svg.chart text { font-size: 12px; fill: var(--ink); }
        svg.chart .tick-label, svg.chart .bar-missing { fill: var(--muted); }
        svg.chart .axis-title { font-weight: 600; }
        svg.chart .bar-value { font-size: 10px; fill: var(--muted); }
        svg.chart .no-data { font-size: 16px; fill: var(--muted); }
        svg.chart .grid { stroke: var(--rule); stroke-width: 1; }
        svg.chart .axis-line { stroke: #9aa5b1; stroke-width: 1; }
        svg.chart .line { stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
        svg.chart .line[stroke-dasharray], svg.chart .legend-line { stroke-linecap: butt; }
        svg.chart .legend-line { stroke-width: 2.5; }
        svg.chart .marker { stroke-width: 2; }
        svg.chart .bar:hover, svg.chart .marker:hover { opacity: .75; }
        table.figures { border-collapse: collapse; width: 100%; margin: 12px 0 4px; font-size: 13px; font-variant-numeric: tabular-nums; }
        table.figures caption { text-align: left; font-weight: 600; padding: 0 0 6px; }
        table.figures th, table.figures td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: right; }
        table.figures th:first-child, table.figures td:first-child { text-align: left; }
        table.figures thead th { background: var(--page); color: var(--muted); font-weight: 600; }
        table.figures tbody tr:hover { background: #f0f4f8; }
        @media print { body { background: #fff; } section.report-section, .highlight { box-shadow: none; border: 1px solid var(--rule); } }
        """;
}
