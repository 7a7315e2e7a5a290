using HdrHistogram;

namespace AkkaRpc.Bench.Metrics;

/// <summary>
/// Latencies in nanoseconds: an HdrHistogram <see cref="LongHistogram"/> (3 significant digits, 0 to 1 hour) for the
/// percentiles, with the exact count, min, max, mean and standard deviation kept beside it.
/// </summary>
/// <remarks>
/// <para>
/// HdrHistogram gives every percentile within <see cref="RelativePrecision"/> of a recorded value and merges exactly:
/// the percentiles of merged histograms are those of the whole run, never averages of percentiles. What it cannot give
/// is kept here: its mean and standard deviation are computed from bucket-equivalent values and its min and max are
/// bucket bounds, while rpycbench (and this report) quote the exact ones, so those are tracked on the side (Welford,
/// and Chan et al.'s pairwise update on merge). Percentiles are clamped to the exact min and max, and p0 and
/// p100 are them. Ranks are HdrHistogram's: the value at <c>p</c> is that of rank <c>round(p/100 · count)</c>, at least 1.
/// </para>
/// <para>Not thread-safe: give each recording client its own and <see cref="Merge"/> them.</para>
/// </remarks>
internal sealed class LatencyDistribution
{
    /// <summary>The largest latency the histogram tells apart (1 hour); a longer one counts in its top bucket, with the exact max kept.</summary>
    public const long HighestTrackableNs = 3_600_000_000_000;

    /// <summary>Significant decimal digits every recorded value keeps in the histogram.</summary>
    public const int SignificantDigits = 3;

    /// <summary>The largest relative distance between a reported percentile and the recorded value of its rank.</summary>
    public const double RelativePrecision = 0.001;

    private readonly LongHistogram _histogram = Create();
    private long _min = long.MaxValue;
    private long _max;
    private double _mean;
    private double _m2;

    /// <summary>Gets the number of recorded values.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the smallest recorded value, or 0 when empty.</summary>
    public long Min => Count == 0 ? 0 : _min;

    /// <summary>Gets the largest recorded value, or 0 when empty.</summary>
    public long Max => _max;

    /// <summary>Gets the exact arithmetic mean, or 0 when empty.</summary>
    public double Mean => _mean;

    /// <summary>Gets the exact population standard deviation, or 0 when empty.</summary>
    public double StdDev => Count == 0 ? 0 : Math.Sqrt(_m2 / Count);

    /// <summary>Gets the sum of squared deviations from the mean (Welford's M2), which a copy needs to stay exact.</summary>
    internal double SumOfSquaredDeviations => _m2;

    /// <summary>Records one value in nanoseconds.</summary>
    public void Record(long nanoseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nanoseconds);
        _histogram.RecordValue(Math.Min(nanoseconds, HighestTrackableNs));
        Count++;
        _min = Math.Min(_min, nanoseconds);
        _max = Math.Max(_max, nanoseconds);
        double delta = nanoseconds - _mean;
        _mean += delta / Count;
        _m2 += delta * (nanoseconds - _mean);
    }

    /// <summary>Records the time between two <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> readings.</summary>
    public void RecordElapsed(long startTimestamp, long endTimestamp) =>
        Record(StopwatchNanoseconds.Between(startTimestamp, endTimestamp));

    /// <summary>Adds every value recorded in <paramref name="other"/> to this one.</summary>
    public void Merge(LatencyDistribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        _histogram.Add(other._histogram);
        long total = Count + other.Count;
        double delta = other._mean - _mean;
        _m2 += other._m2 + (delta * delta * ((double)Count * other.Count / total));
        _mean += delta * other.Count / total;
        Count = total;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    /// <summary>Returns a copy that later records into this one do not change.</summary>
    public LatencyDistribution Copy()
    {
        var copy = new LatencyDistribution();
        copy.Merge(this);
        return copy;
    }

    /// <summary>Returns the value at <paramref name="percentile"/> (0–100), or 0 when empty.</summary>
    public long ValueAtPercentile(double percentile)
    {
        if (percentile is < 0 or > 100 || double.IsNaN(percentile))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is between 0 and 100.");
        }

        // The ends are the exact extremes, which the histogram knows only to its precision (or not at all beyond its range).
        return Count == 0 ? 0 : percentile switch
        {
            0 => Min,
            100 => Max,
            _ => Math.Clamp(_histogram.GetValueAtPercentile(percentile), Min, Max),
        };
    }

    /// <summary>Returns the figures every report quotes.</summary>
    public LatencySummary Summarize() => new(
        Count,
        Min,
        Max,
        Mean,
        StdDev,
        ValueAtPercentile(50),
        ValueAtPercentile(95),
        ValueAtPercentile(99),
        ValueAtPercentile(99.9));

    /// <summary>Returns whether both hold the same counts in the same buckets and the same min and max.</summary>
    public bool HasSameBucketsAs(LatencyDistribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Buckets().SequenceEqual(other.Buckets()) && Min == other.Min && Max == other.Max;
    }

    /// <summary>
    /// Returns the buckets that hold at least one value, in ascending order, each as its highest equivalent value and
    /// its count: what travels on the wire, since recording that value again lands in the same bucket.
    /// </summary>
    internal IEnumerable<(long Value, long Count)> Buckets() =>
        _histogram.RecordedValues().Select(v => (v.ValueIteratedTo, v.CountAtValueIteratedTo));

    /// <summary>Rebuilds a distribution from what <see cref="Buckets"/> and the exact moments describe.</summary>
    /// <exception cref="ArgumentException">The parts contradict each other (a value out of range, a count that is not positive, moments of nothing).</exception>
    internal static LatencyDistribution FromParts(long min, long max, double mean, double sumOfSquaredDeviations, IEnumerable<(long Value, long Count)> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var distribution = new LatencyDistribution();
        foreach (var (value, count) in buckets)
        {
            if (value is < 0 or > HighestTrackableNs || count <= 0 || distribution.Count > long.MaxValue - count)
            {
                throw new ArgumentException($"Bucket {value} with count {count} is not a bucket of a latency histogram.", nameof(buckets));
            }

            distribution._histogram.RecordValueWithCount(value, count);
            distribution.Count += count;
        }

        if (distribution.Count == 0)
        {
            return distribution;
        }

        if (min < 0 || max < min || !double.IsFinite(mean) || mean < min || mean > max || !double.IsFinite(sumOfSquaredDeviations) || sumOfSquaredDeviations < 0)
        {
            throw new ArgumentException($"Min {min}, max {max}, mean {mean} and M2 {sumOfSquaredDeviations} do not describe recorded values.", nameof(buckets));
        }

        distribution._min = min;
        distribution._max = max;
        distribution._mean = mean;
        distribution._m2 = sumOfSquaredDeviations;
        return distribution;
    }

    private static LongHistogram Create() => new(1, HighestTrackableNs, SignificantDigits);
}
