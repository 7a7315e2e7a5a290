using System.Globalization;

namespace AkkaRpc.Config;

/// <summary>A resolved string, number, boolean or null.</summary>
public sealed class HoconScalar : HoconValue
{
    private readonly HoconValueType _type;

    internal HoconScalar(SourcePosition origin, HoconValueType type, string? value)
        : base(origin)
    {
        _type = type;
        Value = value;
    }

    /// <inheritdoc/>
    public override HoconValueType Type => _type;

    /// <summary>Gets the value as written (numbers keep their original text), or <see langword="null"/> for <c>null</c>.</summary>
    public string? Value { get; }

    /// <summary>Gets the value as it reads inside a string concatenation, where <c>null</c> is the text "null".</summary>
    internal string ConcatenationText => Value ?? "null";

    /// <summary>Returns <see cref="Value"/>, or "null".</summary>
    public override string ToString() => ConcatenationText;

    internal static HoconScalar String(SourcePosition origin, string value) => new(origin, HoconValueType.String, value);

    internal static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out _)
        && (char.IsAsciiDigit(text[0]) || (text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1])))
        && char.IsAsciiDigit(text[^1]);
}
