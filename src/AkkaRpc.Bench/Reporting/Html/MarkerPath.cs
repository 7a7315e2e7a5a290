using System.Globalization;
using System.Text;

namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>SVG path data of each <see cref="MarkerShape"/>, centred on a point, all of about the same visual weight.</summary>
internal static class MarkerPath
{
    private static readonly (double X, double Y)[] s_plus =
        [(-0.4, -1.2), (0.4, -1.2), (0.4, -0.4), (1.2, -0.4), (1.2, 0.4), (0.4, 0.4), (0.4, 1.2), (-0.4, 1.2), (-0.4, 0.4), (-1.2, 0.4), (-1.2, -0.4), (-0.4, -0.4)];

    /// <summary>Returns the closed path of <paramref name="shape"/> centred on (<paramref name="cx"/>, <paramref name="cy"/>) with "radius" <paramref name="r"/>.</summary>
    public static string For(MarkerShape shape, double cx, double cy, double r) => shape switch
    {
        // Two arcs make a circle in a path, so every marker is the same element and differs only in its data.
        MarkerShape.Circle => $"M{P(cx - r)} {P(cy)}a{P(r)} {P(r)} 0 1 0 {P(2 * r)} 0a{P(r)} {P(r)} 0 1 0 {P(-2 * r)} 0Z",
        MarkerShape.Square => Polygon(cx, cy, [(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)], r),
        MarkerShape.TriangleUp => Polygon(cx, cy, [(0, -1.2), (1.1, 0.85), (-1.1, 0.85)], r),
        MarkerShape.TriangleDown => Polygon(cx, cy, [(0, 1.2), (1.1, -0.85), (-1.1, -0.85)], r),
        MarkerShape.Diamond => Polygon(cx, cy, [(0, -1.25), (1.25, 0), (0, 1.25), (-1.25, 0)], r),
        MarkerShape.Plus => Polygon(cx, cy, s_plus, r),
        MarkerShape.Star => Polygon(cx, cy, [.. Enumerable.Range(0, 10).Select(i => Polar(i * Math.PI / 5, i % 2 == 0 ? 1.35 : 0.55))], r),
        MarkerShape.Hexagon => Polygon(cx, cy, [.. Enumerable.Range(0, 6).Select(i => Polar(i * Math.PI / 3, 1.1))], r),
        MarkerShape.Cross => Polygon(cx, cy, [.. s_plus.Select(p => ((p.X - p.Y) * Math.Sqrt(0.5), (p.X + p.Y) * Math.Sqrt(0.5)))], r),
        MarkerShape.Pentagon => Polygon(cx, cy, [.. Enumerable.Range(0, 5).Select(i => Polar(i * 2 * Math.PI / 5, 1.15))], r),
        MarkerShape.TriangleLeft => Polygon(cx, cy, [(-1.2, 0), (0.85, -1.1), (0.85, 1.1)], r),
        MarkerShape.TriangleRight => Polygon(cx, cy, [(1.2, 0), (-0.85, -1.1), (-0.85, 1.1)], r),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Not a marker shape."),
    };

    /// <summary>The name a marker carries in <c>data-marker</c>, e.g. <c>triangle-up</c>.</summary>
    public static string Name(MarkerShape shape) => shape switch
    {
        MarkerShape.TriangleUp => "triangle-up",
        MarkerShape.TriangleDown => "triangle-down",
        MarkerShape.TriangleLeft => "triangle-left",
        MarkerShape.TriangleRight => "triangle-right",
        _ => shape.ToString().ToLowerInvariant(),
    };

    // Angle 0 points up, so the star and hexagon stand on a flat base like the other shapes.
    private static (double X, double Y) Polar(double angle, double radius) => (radius * Math.Sin(angle), -radius * Math.Cos(angle));

    private static string Polygon(double cx, double cy, IReadOnlyList<(double X, double Y)> unit, double r)
    {
        var path = new StringBuilder();
        foreach (var (x, y) in unit)
        {
            path.Append(path.Length == 0 ? 'M' : 'L').Append(P(cx + (x * r))).Append(' ').Append(P(cy + (y * r)));
        }

        return path.Append('Z').ToString();
    }

    private static string P(double value) => SvgCanvas.Px(value).ToString(CultureInfo.InvariantCulture);
}
