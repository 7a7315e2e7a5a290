using System.Globalization;
using AkkaRpc.Protocol;

namespace AkkaRpc.Client;

/// <summary>Converts a SQLite value to the CLR type a caller asks for, with an error that names the column.</summary>
internal static class ValueConverter
{
    public static object? Convert(SqlValue value, Type target, string column)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (value.IsNull)
        {
            return !target.IsValueType || underlying is not null
                ? null
                : throw new InvalidCastException($"Column '{column}' is NULL and cannot be converted to {target.Name}; use {target.Name}? instead.");
        }

        var type = underlying ?? target;
        try
        {
            return value.Kind switch
            {
                SqlValueKind.Integer => FromInteger(value.AsInteger(), type),
                SqlValueKind.Real => FromReal(value.AsReal(), type),
                SqlValueKind.Text => FromText(value.AsText(), type),
                SqlValueKind.Blob => FromBlob(value.AsBlob(), type),
                _ => null,
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw new InvalidCastException($"Column '{column}' holds {value.Kind} {Describe(value)}, which cannot be converted to {type.Name}: {e.Message}", e);
        }
    }

    private static object FromInteger(long v, Type type) =>
        type == typeof(long) || type == typeof(object) ? v
        : type == typeof(bool) ? v != 0
        : type.IsEnum ? Enum.ToObject(type, v)
        : type == typeof(string) ? v.ToString(CultureInfo.InvariantCulture)
        : type == typeof(DateTimeOffset) ? DateTimeOffset.FromUnixTimeSeconds(v)
        : System.Convert.ChangeType(v, type, CultureInfo.InvariantCulture);

    private static object FromReal(double v, Type type) =>
        type == typeof(double) || type == typeof(object) ? v
        : type == typeof(string) ? v.ToString("R", CultureInfo.InvariantCulture)
        : System.Convert.ChangeType(v, type, CultureInfo.InvariantCulture);

    private static object FromText(string v, Type type) =>
        type == typeof(string) || type == typeof(object) ? v
        : type == typeof(Guid) ? Guid.Parse(v)
        : type == typeof(DateTime) ? DateTime.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
        : type == typeof(DateTimeOffset) ? DateTimeOffset.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
        : type == typeof(TimeSpan) ? TimeSpan.Parse(v, CultureInfo.InvariantCulture)
        : type.IsEnum ? Enum.Parse(type, v, ignoreCase: true)
        : type == typeof(char) && v.Length == 1 ? v[0]
        : System.Convert.ChangeType(v, type, CultureInfo.InvariantCulture);

    private static object FromBlob(ReadOnlyMemory<byte> v, Type type) =>
        type == typeof(byte[]) || type == typeof(object) ? v.ToArray()
        : type == typeof(ReadOnlyMemory<byte>) ? v
        : type == typeof(Memory<byte>) ? v.ToArray().AsMemory()
        : type == typeof(Guid) && v.Length == 16 ? new Guid(v.Span)
        : throw new InvalidCastException($"a blob converts only to byte[], ReadOnlyMemory<byte> or (16 bytes) Guid");

    private static string Describe(SqlValue value)
    {
        var text = value.ToString();
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
