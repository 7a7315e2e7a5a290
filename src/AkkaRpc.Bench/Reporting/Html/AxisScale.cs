namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>How values map to positions along an axis.</summary>
internal enum AxisScale
{
    /// <summary>Equal distances for equal differences; the axis starts at zero.</summary>
    Linear,

    /// <summary>Equal distances for equal ratios; values that are not positive are left out of the chart.</summary>
    Log,
}
