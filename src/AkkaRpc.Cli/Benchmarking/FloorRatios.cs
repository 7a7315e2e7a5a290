namespace AkkaRpc.Cli.Benchmarking;

/// <summary>Divides each row by the floor row measured the same way in the same run.</summary>
/// <remarks>
/// The ratio is always <c>row / floor</c> of the headline figure: for throughput below 1 means slower
/// than the floor, for latency above 1 means slower. Comparing within one run is what makes figures
/// from a shared, noisy machine meaningful.
/// </remarks>
internal static class FloorRatios
{
    /// <summary>Returns <paramref name="results"/> with <see cref="ScenarioResult.RatioToFloor"/> filled in against <paramref name="floorSystem"/>.</summary>
    public static IReadOnlyList<ScenarioResult> Apply(IReadOnlyList<ScenarioResult> results, string floorSystem)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrEmpty(floorSystem);

        var floors = new Dictionary<string, ScenarioResult>(StringComparer.Ordinal);
        foreach (ScenarioResult result in results)
        {
            if (string.Equals(result.System, floorSystem, StringComparison.Ordinal))
            {
                if (!floors.TryAdd(result.Name, result))
                {
                    throw new ArgumentException($"Two floor rows are named '{result.Name}'.", nameof(results));
                }
            }
        }

        var withRatios = new List<ScenarioResult>(results.Count);
        foreach (ScenarioResult result in results)
        {
            double? ratio = floors.TryGetValue(result.Name, out ScenarioResult? floor) ? Ratio(result.Value, floor.Value) : null;
            withRatios.Add(result with { RatioToFloor = ratio });
        }

        return withRatios;
    }

    /// <summary>Returns <paramref name="value"/> / <paramref name="floor"/>, or <see langword="null"/> when the floor measured nothing.</summary>
    public static double? Ratio(double value, double floor) => floor > 0 ? value / floor : null;
}
