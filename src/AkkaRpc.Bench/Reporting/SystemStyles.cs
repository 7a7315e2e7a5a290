using AkkaRpc.Bench.Reporting.Html;
using AkkaRpc.Bench.Systems;

namespace AkkaRpc.Bench.Reporting;

/// <summary>
/// Each system's colour, dash and marker, the same in every chart, so a reader tells the series apart by any one of them
/// alone (in print, or with a colour-vision deficiency): the contenders first in the palette, the baselines after, no two
/// sharing a colour, a dash pattern or a marker shape.
/// </summary>
internal static class SystemStyles
{
    private static readonly Dictionary<string, SeriesStyle> s_styles = new(StringComparer.Ordinal)
    {
        [SystemCatalog.AkkaRpcTcp] = new("#4e79a7", null, MarkerShape.Circle),
        [SystemCatalog.AkkaRpcUnix] = new("#f28e2b", "14 4", MarkerShape.Square),
        [SystemCatalog.AkkaDotNetty] = new("#b07aa1", "14 4 3 4", MarkerShape.TriangleUp),
        [SystemCatalog.Owner] = new("#edc948", "10 3 3 3 3 3", MarkerShape.Diamond),
        [SystemCatalog.Http] = new("#e15759", "7 5", MarkerShape.TriangleDown),
        [SystemCatalog.RawTcp] = new("#59a14f", "3 4", MarkerShape.Plus),
        [SystemCatalog.RawUnix] = new("#76b7b2", "3 4 10 4", MarkerShape.Star),
        [SystemCatalog.InProcess] = new("#9c755f", "1 4", MarkerShape.Hexagon),
        [SystemCatalog.Cluster1] = new("#17becf", "8 3 1 3", MarkerShape.Cross),
        [SystemCatalog.Cluster2] = new("#bcbd22", "12 2", MarkerShape.Pentagon),
        [SystemCatalog.Cluster3] = new("#ff9da7", "2 2", MarkerShape.TriangleLeft),
        [SystemCatalog.ClusterOneDatabase] = new("#7f3c8d", "6 2 2 2", MarkerShape.TriangleRight),
    };

    /// <summary>Gets every system's style, by key.</summary>
    public static IReadOnlyDictionary<string, SeriesStyle> All => s_styles;

    /// <summary>Returns the style of <paramref name="key"/>; a key the catalog does not know gets the palette's last colour, solid, with circles.</summary>
    public static SeriesStyle For(string key) => s_styles.GetValueOrDefault(key) ?? new SeriesStyle(ChartPalette.Colour(9));
}
