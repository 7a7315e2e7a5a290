namespace AkkaRpc.Bench.Reporting.Html;

/// <summary>How an axis prints its values.</summary>
internal enum ValueFormat
{
    /// <summary>Decimal numbers with thousands separators ("12,500", "0.25").</summary>
    Number,

    /// <summary>Byte counts in binary units ("512 B", "64 KiB", "1 MiB"); a log axis ticks at powers of two.</summary>
    Bytes,
}
