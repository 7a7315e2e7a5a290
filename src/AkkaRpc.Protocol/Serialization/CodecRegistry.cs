using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace AkkaRpc.Protocol.Serialization;

/// <summary>Maps each message type to its fixed numeric id and codec, both ways.</summary>
/// <remarks>
/// A serializer registers every codec while it is constructed, then calls <see cref="Freeze"/>: from then on the
/// registry is immutable and its lookups are lock-free. Types match exactly; a subtype needs a codec of its own,
/// because nothing on the wire names a .NET type.
/// </remarks>
public sealed class CodecRegistry
{
    private readonly Dictionary<Type, Entry> _building = [];
    private FrozenDictionary<Type, Entry>? _byType;
    private FrozenDictionary<int, IMessageCodec>? _byId;

    /// <summary>Gets every registered message type.</summary>
    public IEnumerable<Type> Types => _byType?.Keys ?? (IEnumerable<Type>)_building.Keys;

    /// <summary>Registers <paramref name="codec"/> for <typeparamref name="T"/> under <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not in 1..<see cref="int.MaxValue"/>.</exception>
    /// <exception cref="ArgumentException">The id or the type is already registered.</exception>
    /// <exception cref="InvalidOperationException">The registry is frozen.</exception>
    public void Register<T>(int id, MessageCodec<T> codec)
        where T : notnull
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        ArgumentNullException.ThrowIfNull(codec);
        if (_byType is not null)
        {
            throw new InvalidOperationException($"The registry is frozen; register {typeof(T).FullName} before calling Freeze.");
        }

        if (_building.Values.FirstOrDefault(e => e.Id == id) is { Codec: { } existing })
        {
            throw new ArgumentException($"Id {id} is already registered for {existing.MessageType.FullName}; it cannot also be {typeof(T).FullName}.", nameof(id));
        }

        if (!_building.TryAdd(typeof(T), new Entry(id, codec)))
        {
            throw new ArgumentException($"{typeof(T).FullName} is already registered under id {_building[typeof(T)].Id}; it cannot also have id {id}.", nameof(codec));
        }
    }

    /// <summary>Finds the id and codec for exactly <paramref name="type"/>.</summary>
    public bool TryGetCodec(Type type, out int id, [NotNullWhen(true)] out IMessageCodec? codec)
    {
        ArgumentNullException.ThrowIfNull(type);
        var found = (_byType ?? (IReadOnlyDictionary<Type, Entry>)_building).TryGetValue(type, out var entry);
        id = entry.Id;
        codec = entry.Codec;
        return found;
    }

    /// <summary>Finds the codec registered under <paramref name="id"/>.</summary>
    public bool TryGetCodec(int id, [NotNullWhen(true)] out IMessageCodec? codec)
    {
        if (_byId is not null)
        {
            return _byId.TryGetValue(id, out codec);
        }

        codec = _building.Values.FirstOrDefault(e => e.Id == id).Codec;
        return codec is not null;
    }

    /// <summary>Makes the registry immutable, so concurrent lookups are safe and need no lock; calling it again does nothing.</summary>
    public void Freeze()
    {
        if (_byType is null)
        {
            _byId = _building.Values.ToFrozenDictionary(e => e.Id, e => e.Codec);
            _byType = _building.ToFrozenDictionary();
        }
    }

    private readonly record struct Entry(int Id, IMessageCodec Codec);
}
