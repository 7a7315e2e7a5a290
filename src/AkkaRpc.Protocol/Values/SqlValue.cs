using System.Globalization;
using System.Text;

namespace AkkaRpc.Protocol;

/// <summary>One value in one of SQLite's five storage classes, exactly as SQLite stores it.</summary>
/// <remarks>
/// Real values follow SQLite: a NaN becomes <see cref="Null"/> (SQLite binds NaN as NULL and
/// <c>0.0/0.0</c> evaluates to NULL), while ±infinity stay reals. Equality is storage identity:
/// kinds must match, reals compare by bit pattern (so <c>0.0</c> and <c>-0.0</c> differ), text
/// compares ordinally and blobs byte by byte. The default value is <see cref="Null"/>.
/// </remarks>
public readonly partial struct SqlValue : IEquatable<SqlValue>
{
    // Integer payload, or the bits of a real. Text lives in _text, blobs in _blob.
    private readonly long _bits;
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _blob;
    private readonly SqlValueKind _kind;

    private SqlValue(SqlValueKind kind, long bits, string? text, ReadOnlyMemory<byte> blob)
    {
        _kind = kind;
        _bits = bits;
        _text = text;
        _blob = blob;
    }

    /// <summary>The SQL NULL value.</summary>
    public static SqlValue Null => default;

    /// <summary>The storage class of this value.</summary>
    public SqlValueKind Kind => _kind == 0 ? SqlValueKind.Null : _kind;

    /// <summary>Whether this value is NULL.</summary>
    public bool IsNull => Kind == SqlValueKind.Null;

    /// <summary>Makes an integer value.</summary>
    public static SqlValue FromInteger(long value) => new(SqlValueKind.Integer, value, null, default);

    /// <summary>Makes a real value; a NaN gives <see cref="Null"/>, as in SQLite.</summary>
    public static SqlValue FromReal(double value) =>
        double.IsNaN(value) ? Null : new(SqlValueKind.Real, BitConverter.DoubleToInt64Bits(value), null, default);

    /// <summary>Makes a text value; a null string gives <see cref="Null"/>.</summary>
    public static SqlValue FromText(string? value) =>
        value is null ? Null : new(SqlValueKind.Text, 0, value, default);

    /// <summary>Makes a blob value that shares <paramref name="value"/> (no copy); a null array gives <see cref="Null"/>.</summary>
    public static SqlValue FromBlob(byte[]? value) =>
        value is null ? Null : new(SqlValueKind.Blob, 0, null, value);

    /// <summary>Makes a blob value that shares <paramref name="value"/> (no copy).</summary>
    public static SqlValue FromBlob(ReadOnlyMemory<byte> value) => new(SqlValueKind.Blob, 0, null, value);

    /// <summary>The integer payload.</summary>
    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    public long AsInteger() => _kind == SqlValueKind.Integer ? _bits : throw WrongKind(SqlValueKind.Integer);

    /// <summary>The real payload.</summary>
    /// <exception cref="InvalidOperationException">The value is not a real.</exception>
    public double AsReal() =>
        _kind == SqlValueKind.Real ? BitConverter.Int64BitsToDouble(_bits) : throw WrongKind(SqlValueKind.Real);

    /// <summary>The text payload.</summary>
    /// <exception cref="InvalidOperationException">The value is not text.</exception>
    public string AsText() => _kind == SqlValueKind.Text ? _text! : throw WrongKind(SqlValueKind.Text);

    /// <summary>The blob payload.</summary>
    /// <exception cref="InvalidOperationException">The value is not a blob.</exception>
    public ReadOnlyMemory<byte> AsBlob() => _kind == SqlValueKind.Blob ? _blob : throw WrongKind(SqlValueKind.Blob);

    /// <summary>The value as a CLR object: null, <see cref="long"/>, <see cref="double"/>, <see cref="string"/> or a new <see cref="byte"/> array.</summary>
    public object? ToObject() => Kind switch
    {
        SqlValueKind.Integer => _bits,
        SqlValueKind.Real => BitConverter.Int64BitsToDouble(_bits),
        SqlValueKind.Text => _text,
        SqlValueKind.Blob => _blob.ToArray(),
        _ => null,
    };

    /// <summary>Converts an integer.</summary>
    public static implicit operator SqlValue(long value) => FromInteger(value);

    /// <summary>Converts an integer.</summary>
    public static implicit operator SqlValue(int value) => FromInteger(value);

    /// <summary>Converts a real; NaN becomes NULL.</summary>
    public static implicit operator SqlValue(double value) => FromReal(value);

    /// <summary>Converts a string; null becomes NULL.</summary>
    public static implicit operator SqlValue(string? value) => FromText(value);

    /// <summary>Converts a byte array (shared, not copied); null becomes NULL.</summary>
    public static implicit operator SqlValue(byte[]? value) => FromBlob(value);

    /// <summary>Converts a memory block (shared, not copied) to a blob.</summary>
    public static implicit operator SqlValue(ReadOnlyMemory<byte> value) => FromBlob(value);

    /// <summary>Converts a boolean to the integer 1 or 0, as SQLite represents booleans.</summary>
    public static implicit operator SqlValue(bool value) => FromInteger(value ? 1 : 0);

    /// <inheritdoc/>
    public bool Equals(SqlValue other) => Kind == other.Kind && Kind switch
    {
        SqlValueKind.Integer or SqlValueKind.Real => _bits == other._bits,
        SqlValueKind.Text => string.Equals(_text, other._text, StringComparison.Ordinal),
        SqlValueKind.Blob => _blob.Span.SequenceEqual(other._blob.Span),
        _ => true,
    };

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SqlValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        switch (Kind)
        {
            case SqlValueKind.Integer or SqlValueKind.Real:
                hash.Add(_bits);
                break;
            case SqlValueKind.Text:
                hash.Add(_text, StringComparer.Ordinal);
                break;
            case SqlValueKind.Blob:
                hash.AddBytes(_blob.Span);
                break;
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two values for storage identity.</summary>
    public static bool operator ==(SqlValue left, SqlValue right) => left.Equals(right);

    /// <summary>Compares two values for storage identity.</summary>
    public static bool operator !=(SqlValue left, SqlValue right) => !left.Equals(right);

    /// <summary>The value written as an SQL literal (<c>NULL</c>, <c>42</c>, <c>1.5</c>, <c>'it''s'</c>, <c>X'0A'</c>), blobs over 32 bytes abbreviated.</summary>
    public override string ToString()
    {
        switch (Kind)
        {
            case SqlValueKind.Integer:
                return _bits.ToString(CultureInfo.InvariantCulture);
            case SqlValueKind.Real:
                var real = BitConverter.Int64BitsToDouble(_bits);
                if (double.IsInfinity(real))
                {
                    // SQLite reads 1e999 as +infinity, so the literal round-trips.
                    return real > 0 ? "1e999" : "-1e999";
                }

                var text = real.ToString("R", CultureInfo.InvariantCulture);
                return text.AsSpan().IndexOfAny(".E") >= 0 ? text : text + ".0";
            case SqlValueKind.Text:
                return "'" + _text!.Replace("'", "''", StringComparison.Ordinal) + "'";
            case SqlValueKind.Blob:
                var shown = _blob.Span[..Math.Min(_blob.Length, 32)];
                var builder = new StringBuilder("X'").Append(Convert.ToHexString(shown)).Append('\'');
                return _blob.Length > 32
                    ? builder.Append(CultureInfo.InvariantCulture, $" /* {_blob.Length} bytes */").ToString()
                    : builder.ToString();
            default:
                return "NULL";
        }
    }

    private InvalidOperationException WrongKind(SqlValueKind wanted) =>
        new($"The value is {Kind}, not {wanted}; check Kind before reading it.");
}
