namespace AkkaRpc.Config;

/// <summary>The type of a resolved HOCON value.</summary>
public enum HoconValueType
{
    /// <summary>An object of key-value fields.</summary>
    Object,

    /// <summary>An ordered list of values.</summary>
    Array,

    /// <summary>A quoted or unquoted string, including durations and sizes such as <c>10s</c>.</summary>
    String,

    /// <summary>A number written as a single token, such as <c>42</c> or <c>1.5e3</c>.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>The <c>null</c> value.</summary>
    Null,
}
