using System.Globalization;

namespace AkkaRpc.Protocol;

public readonly partial struct SqlValue
{
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>Converts a CLR value to the storage class SQLite would use for it.</summary>
    /// <remarks>
    /// null and <see cref="DBNull"/> → NULL; all integer types and enums → Integer (a <see cref="ulong"/>
    /// above <see cref="long.MaxValue"/> is rejected); <see cref="bool"/> → 1 or 0; <see cref="double"/>
    /// and <see cref="float"/> → Real (NaN → NULL); <see cref="decimal"/> → Text in invariant culture,
    /// because a double would lose digits; <see cref="string"/> and <see cref="char"/> → Text;
    /// <see cref="byte"/> arrays and memory → Blob (shared, not copied); <see cref="Guid"/> → Text in
    /// lowercase "D" form; <see cref="DateTime"/> → Text <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> with no
    /// time-zone conversion; <see cref="DateTimeOffset"/> → the same plus <c>+hh:mm</c>;
    /// <see cref="DateOnly"/> → Text <c>yyyy-MM-dd</c>. The text forms are the ones SQLite's date
    /// functions read.
    /// </remarks>
    /// <exception cref="ArgumentException">The type has no SQLite storage class here.</exception>
    public static SqlValue FromObject(object? value) => value switch
    {
        null or DBNull => Null,
        SqlValue v => v,
        long v => FromInteger(v),
        int v => FromInteger(v),
        short v => FromInteger(v),
        sbyte v => FromInteger(v),
        byte v => FromInteger(v),
        ushort v => FromInteger(v),
        uint v => FromInteger(v),
        ulong v => v <= long.MaxValue
            ? FromInteger((long)v)
            : throw new ArgumentOutOfRangeException(nameof(value), v, "SQLite integers are signed 64-bit; pass values above long.MaxValue as text or a blob."),
        bool v => FromInteger(v ? 1 : 0),
        double v => FromReal(v),
        float v => FromReal(v),
        decimal v => FromText(v.ToString(CultureInfo.InvariantCulture)),
        string v => FromText(v),
        char v => FromText(v.ToString()),
        byte[] v => FromBlob(v),
        ReadOnlyMemory<byte> v => FromBlob(v),
        Memory<byte> v => FromBlob(v),
        Guid v => FromText(v.ToString("D")),
        DateTime v => FromText(v.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
        DateTimeOffset v => FromText(v.ToString(DateTimeFormat + "zzz", CultureInfo.InvariantCulture)),
        DateOnly v => FromText(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Enum v => FromInteger(Convert.ToInt64(v, CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException(
            $"A value of type {value.GetType().FullName} cannot be sent to SQLite; convert it to a number, string, byte[], bool, Guid, DateTime, DateTimeOffset or DateOnly first.",
            nameof(value)),
    };
}
