namespace AkkaRpc.Config;

/// <summary>A resolved, immutable HOCON value: an object, an array, or a scalar.</summary>
public abstract class HoconValue
{
    private protected HoconValue(SourcePosition origin) => Origin = origin;

    /// <summary>Gets the type of the value.</summary>
    public abstract HoconValueType Type { get; }

    /// <summary>Gets where the value was defined, for error messages.</summary>
    internal SourcePosition Origin { get; }
}
