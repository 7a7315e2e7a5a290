using AkkaRpc.Bench.Reporting.Html;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Reporting;

/// <summary>
/// Each system's colour and dash, the same in every chart, so a reader tells the series apart by either alone: the
/// contenders first in the palette, the baselines after, no two sharing a colour or a dash pattern.
/// </summary>
internal static class SystemStyles
{
    private static readonly Dictionary<string, SeriesStyle> s_styles = new(StringComparer.Ordinal)
    {
        [SystemCatalog.AkkaRpcTcp] = new("#4e79a7"),
        [SystemCatalog.AkkaRpcUnix] = new("#f28e2b", "14 4"),
        [SystemCatalog.AkkaDotNetty] = new("#b07aa1", "14 4 3 4"),
        [SystemCatalog.Owner] = new("#edc948", "10 3 3 3 3 3"),
        [SystemCatalog.Http] = new("#e15759", "7 5"),
        [SystemCatalog.RawTcp] = new("#59a14f", "3 4"),
        [SystemCatalog.RawUnix] = new("#76b7b2", "3 4 10 4"),
        [SystemCatalog.InProcess] = new("#9c755f", "1 4"),
    };

    /// <summary>Gets every system's style, by key.</summary>
    public static IReadOnlyDictionary<string, SeriesStyle> All => s_styles;

    /// <summary>Returns the style of <paramref name="key"/>; a key the catalog does not know gets the palette's last colour, solid.</summary>
    public static SeriesStyle For(string key) => s_styles.GetValueOrDefault(key) ?? new SeriesStyle(ChartPalette.Colour(9));
}
