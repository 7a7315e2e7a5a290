namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>One measured point of a <see cref="LineSeries"/>.</summary>
/// <param name="X">The horizontal value, in the x axis's unit.</param>
/// <param name="Y">The vertical value, in the y axis's unit.</param>
internal readonly record struct ChartPoint(double X, double Y);
