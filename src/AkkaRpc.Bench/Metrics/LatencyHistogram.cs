using System.Numerics;

namespace AkkaRpc.Bench.Metrics;

/// <summary>
/// A log-bucketed latency histogram in the style of HdrHistogram: constant memory, values in
/// nanoseconds, every bucket at most 1/64 of its lower bound wide.
/// </summary>
/// <remarks>
/// Values below <see cref="SubBucketCount"/> are counted exactly. Above that, a value is kept by its
/// top <see cref="MantissaBits"/> bits: bucket <c>[m·2^s, (m+1)·2^s)</c> with <c>m</c> in
/// <c>[64, 128)</c>. A reported value is the bucket's midpoint clamped to the recorded min and max,
/// so it is within <see cref="RelativePrecision"/> (1/128, about 0.8%) of some recorded value of the
/// same rank. The whole <c>long</c> range fits in 3,712 buckets (29 KB), so no value is ever
/// rejected or clipped. Mean and standard deviation are exact (Welford), not read from buckets.
/// Not thread-safe: give each recording task its own histogram and <see cref="Merge"/> them.
/// </remarks>
internal sealed class LatencyHistogram
{
    /// <summary>Bits of each value kept, counting its leading one.</summary>
    public const int MantissaBits = 7;

    /// <summary>Values below this are counted exactly, one bucket per value.</summary>
    public const long SubBucketCount = 1L << MantissaBits;

    /// <summary>Largest relative distance between a reported value and the recorded value of the same rank.</summary>
    public const double RelativePrecision = 1.0 / SubBucketCount;

    private const long HalfSubBucketCount = SubBucketCount / 2;

    // Highest bucket index is that of long.MaxValue; see IndexOf.
    private static readonly int s_bucketCount = IndexOf(long.MaxValue) + 1;

    private readonly long[] _counts = new long[s_bucketCount];
    private long _count;
    private long _min = long.MaxValue;
    private long _max;
    private double _mean;
    private double _m2;

    /// <summary>Gets the number of recorded values.</summary>
    public long Count => _count;

    /// <summary>Gets the smallest recorded value, or 0 when empty.</summary>
    public long Min => _count == 0 ? 0 : _min;

    /// <summary>Gets the largest recorded value, or 0 when empty.</summary>
    public long Max => _max;

    /// <summary>Gets the exact arithmetic mean, or 0 when empty.</summary>
    public double Mean => _mean;

    /// <summary>Gets the exact population standard deviation, or 0 when empty.</summary>
    public double StdDev => _count == 0 ? 0 : Math.Sqrt(_m2 / _count);

    /// <summary>Records one value in nanoseconds.</summary>
    public void Record(long nanoseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nanoseconds);
        _counts[IndexOf(nanoseconds)]++;
        _count++;
        if (nanoseconds < _min)
        {
            _min = nanoseconds;
        }

        if (nanoseconds > _max)
        {
            _max = nanoseconds;
        }

        double delta = nanoseconds - _mean;
        _mean += delta / _count;
        _m2 += delta * (nanoseconds - _mean);
    }

    /// <summary>Records the time between two <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> readings.</summary>
    public void RecordElapsed(long startTimestamp, long endTimestamp) =>
        Record(StopwatchNanoseconds.Between(startTimestamp, endTimestamp));

    /// <summary>Adds every value recorded in <paramref name="other"/> to this histogram.</summary>
    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._count == 0)
        {
            return;
        }

        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        // Chan et al.'s pairwise update keeps mean and variance exact across a merge.
        long total = _count + other._count;
        double delta = other._mean - _mean;
        _m2 += other._m2 + delta * delta * ((double)_count * other._count / total);
        _mean += delta * other._count / total;
        _count = total;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    /// <summary>
    /// Returns the value at <paramref name="percentile"/> (0–100) by the nearest-rank method, or 0
    /// when empty.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        if (percentile is < 0 or > 100 || double.IsNaN(percentile))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is between 0 and 100.");
        }

        if (_count == 0)
        {
            return 0;
        }

        long rank = Math.Clamp((long)Math.Ceiling(percentile / 100.0 * _count), 1, _count);
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Clamp(MidpointOf(i), Min, Max);
            }
        }

        return Max;
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

    /// <summary>Returns whether both histograms hold the same counts in the same buckets.</summary>
    public bool HasSameBucketsAs(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _counts.AsSpan().SequenceEqual(other._counts) && Min == other.Min && Max == other.Max;
    }

    /// <summary>Gets the sum of squared deviations from the mean (Welford's M2), which a copy needs to stay exact.</summary>
    internal double SumOfSquaredDeviations => _m2;

    /// <summary>Returns the buckets that hold at least one value, in index order: what travels on the wire.</summary>
    internal IEnumerable<(int Index, long Count)> NonEmptyBuckets()
    {
        for (int i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] != 0)
            {
                yield return (i, _counts[i]);
            }
        }
    }

    /// <summary>Rebuilds a histogram from the parts <see cref="NonEmptyBuckets"/> and the exact moments describe.</summary>
    /// <exception cref="ArgumentException">The parts contradict each other (a bucket out of range, counts that do not add up).</exception>
    internal static LatencyHistogram FromParts(long min, long max, double mean, double sumOfSquaredDeviations, IEnumerable<(int Index, long Count)> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var histogram = new LatencyHistogram();
        foreach (var (index, count) in buckets)
        {
            if ((uint)index >= (uint)s_bucketCount || count <= 0)
            {
                throw new ArgumentException($"Bucket {index} with count {count} is not a bucket of a latency histogram.", nameof(buckets));
            }

            histogram._counts[index] += count;
            histogram._count += count;
        }

        if (histogram._count > 0 && (min < 0 || max < min || double.IsNaN(mean) || sumOfSquaredDeviations < 0))
        {
            throw new ArgumentException($"Min {min}, max {max}, mean {mean} and M2 {sumOfSquaredDeviations} do not describe recorded values.", nameof(buckets));
        }

        if (histogram._count > 0)
        {
            histogram._min = min;
            histogram._max = max;
            histogram._mean = mean;
            histogram._m2 = sumOfSquaredDeviations;
        }

        return histogram;
    }

    /// <summary>Maps a value to its bucket.</summary>
    internal static int IndexOf(long value)
    {
        if (value < SubBucketCount)
        {
            return (int)value;
        }

        int msb = 63 - BitOperations.LeadingZeroCount((ulong)value);
        int shift = msb - (MantissaBits - 1);
        long mantissa = value >> shift; // in [64, 128)
        return (int)(SubBucketCount + ((shift - 1) * HalfSubBucketCount) + (mantissa - HalfSubBucketCount));
    }

    /// <summary>Returns the smallest value in bucket <paramref name="index"/>.</summary>
    internal static long LowerBoundOf(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        long offset = index - SubBucketCount;
        int shift = (int)(offset / HalfSubBucketCount) + 1;
        long mantissa = HalfSubBucketCount + (offset % HalfSubBucketCount);
        return mantissa << shift;
    }

    private static long MidpointOf(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        long lower = LowerBoundOf(index);
        long width = 1L << (int)(((index - SubBucketCount) / HalfSubBucketCount) + 1);
        return lower + ((width - 1) / 2);
    }
}
