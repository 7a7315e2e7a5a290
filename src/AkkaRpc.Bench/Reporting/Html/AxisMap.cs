namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>Maps an axis's values to pixel positions and chooses its ticks: round numbers on a linear axis,
/// powers of ten (or of two for bytes) on a log axis.</summary>
internal sealed class AxisMap
{
    // About this many intervals between ticks: enough to read values off, few enough for labels to fit.
    private const int TargetIntervals = 5;

    // At most this many ticks on a log axis; wider ranges tick every second (third...) power.
    private const int MaxLogTicks = 8;

    // Up to this many decades, a log axis ticks at 1, 2 and 5 times each power of ten.
    private const int MaxLadderDecades = 3;

    // Logarithms of exact powers come back a hair off (log10(1e-3) = -2.9999999999999996); this much is noise.
    private const double LogSlack = 1e-9;

    private readonly double _pixelStart;
    private readonly double _pixelEnd;

    private AxisMap(AxisScale scale, double domainMin, double domainMax, IReadOnlyList<double> ticks, double pixelStart, double pixelEnd)
    {
        Scale = scale;
        DomainMin = domainMin;
        DomainMax = domainMax;
        Ticks = ticks;
        _pixelStart = pixelStart;
        _pixelEnd = pixelEnd;
    }

    /// <summary>Linear or log.</summary>
    public AxisScale Scale { get; }

    /// <summary>The value at <c>pixelStart</c>: zero or a round number on a linear axis, a power on a log axis.</summary>
    public double DomainMin { get; }

    /// <summary>The value at <c>pixelEnd</c>, at or above every value shown.</summary>
    public double DomainMax { get; }

    /// <summary>Tick values in ascending order, from <see cref="DomainMin"/> to <see cref="DomainMax"/> inclusive.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>Chooses the domain and ticks for <paramref name="values"/> and maps it onto the pixel range.</summary>
    /// <param name="axis">The axis's scale and format.</param>
    /// <param name="values">Every value the axis must show; ones it cannot (NaN, infinities, non-positive on log) are ignored.</param>
    /// <param name="pixelStart">The pixel of the smallest value (the bottom of a vertical axis).</param>
    /// <param name="pixelEnd">The pixel of the largest value.</param>
    public static AxisMap Create(ChartAxis axis, IEnumerable<double> values, double pixelStart, double pixelEnd)
    {
        ArgumentNullException.ThrowIfNull(axis);
        ArgumentNullException.ThrowIfNull(values);
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double value in values)
        {
            if (CanShow(axis.Scale, value))
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        bool empty = min > max;
        return axis.Scale == AxisScale.Log
            ? CreateLog(axis.Format == ValueFormat.Bytes ? 2 : 10, empty ? 1 : min, empty ? 10 : max, pixelStart, pixelEnd)
            : CreateLinear(axis.Format, empty ? 0 : min, empty ? 1 : max, pixelStart, pixelEnd);
    }

    /// <summary>The same domain and ticks mapped onto another pixel range, once the layout knows where the axis goes.</summary>
    public AxisMap WithPixelRange(double pixelStart, double pixelEnd)
        => new(Scale, DomainMin, DomainMax, Ticks, pixelStart, pixelEnd);

    /// <summary>True if the value has a place on this axis (finite, and positive on a log axis).</summary>
    public bool CanShow(double value) => CanShow(Scale, value);

    /// <summary>The pixel of <paramref name="value"/>; only meaningful when <see cref="CanShow(double)"/> is true.</summary>
    public double Map(double value)
    {
        double fraction = Scale == AxisScale.Log
            ? (Math.Log(value) - Math.Log(DomainMin)) / (Math.Log(DomainMax) - Math.Log(DomainMin))
            : (value - DomainMin) / (DomainMax - DomainMin);
        return _pixelStart + (fraction * (_pixelEnd - _pixelStart));
    }

    /// <summary>The round step nearest above <paramref name="rawStep"/>: 1, 2, 2.5 or 5 times a power of ten.</summary>
    internal static double NiceStep(double rawStep)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rawStep)));
        double fraction = rawStep / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    private static bool CanShow(AxisScale scale, double value) => double.IsFinite(value) && (scale == AxisScale.Linear || value > 0);

    private static AxisMap CreateLinear(ValueFormat format, double min, double max, double pixelStart, double pixelEnd)
    {
        // Bars and rates read wrongly against a cut-off axis, so a linear axis always includes zero.
        min = Math.Min(min, 0);
        max = Math.Max(max, 0);
        if (max == min)
        {
            max = min + 1;
        }

        double raw = (max - min) / TargetIntervals;
        // Byte axes step in powers of two (256 KiB, 512 KiB...) so their labels come out round.
        double step = format == ValueFormat.Bytes && raw >= 1 ? Math.Pow(2, Math.Ceiling(Math.Log2(raw))) : NiceStep(raw);
        long first = (long)Math.Floor(min / step);
        long last = (long)Math.Ceiling(max / step);
        var ticks = new List<double>((int)(last - first + 1));
        for (long i = first; i <= last; i++)
        {
            // Multiplying, never accumulating, keeps 0.1 + 0.1 + 0.1 drift out of the labels.
            ticks.Add(i * step);
        }

        return new AxisMap(AxisScale.Linear, first * step, last * step, ticks, pixelStart, pixelEnd);
    }

    private static AxisMap CreateLog(int radix, double min, double max, double pixelStart, double pixelEnd)
    {
        int low = (int)Math.Floor(LogOf(radix, min) + LogSlack);
        int high = (int)Math.Ceiling(LogOf(radix, max) - LogSlack);
        if (high == low)
        {
            high = low + 1;
        }

        if (radix == 10 && high - low <= MaxLadderDecades)
        {
            return CreateLadder(low, high, min, max, pixelStart, pixelEnd);
        }

        int stride = (int)Math.Ceiling((high - low) / (double)(MaxLogTicks - 1));
        high = low + ((int)Math.Ceiling((high - low) / (double)stride) * stride);
        var ticks = new List<double>();
        for (int exponent = low; exponent <= high; exponent += stride)
        {
            ticks.Add(Math.Pow(radix, exponent));
        }

        return new AxisMap(AxisScale.Log, Math.Pow(radix, low), Math.Pow(radix, high), ticks, pixelStart, pixelEnd);
    }

    // A few decades tick at 1, 2 and 5 times each power, and the axis ends at the ladder rungs around the
    // data: 1 to 128 clients spans 1..200, not 1..1,000 with most of the plot empty.
    private static AxisMap CreateLadder(int low, int high, double min, double max, double pixelStart, double pixelEnd)
    {
        var rungs = new List<double>();
        for (int exponent = low; exponent <= high; exponent++)
        {
            double power = Math.Pow(10, exponent);
            rungs.Add(power);
            if (exponent < high)
            {
                rungs.Add(2 * power);
                rungs.Add(5 * power);
            }
        }

        double bottom = rungs.Last(r => r <= min * (1 + LogSlack));
        double top = rungs.First(r => r >= max * (1 - LogSlack));
        if (top == bottom)
        {
            top = rungs[rungs.IndexOf(bottom) + 1];
        }

        var ticks = rungs.Where(r => r >= bottom && r <= top).ToList();
        return new AxisMap(AxisScale.Log, bottom, top, ticks, pixelStart, pixelEnd);
    }

    private static double LogOf(int radix, double value) => radix == 2 ? Math.Log2(value) : Math.Log10(value);
}
