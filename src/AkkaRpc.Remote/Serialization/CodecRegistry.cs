using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace AkkaRpc.Remote.Serialization;

/// <summary>Maps each message type to its fixed numeric id and codec, both ways.</summary>
/// <remarks>
/// Register every codec at startup, then <see cref="Freeze"/>: a frozen registry is immutable and its
/// lookups are lock-free. Lookups before freezing are correct but take a lock. Types match exactly;
/// a subtype needs a codec of its own, because nothing on the wire names a .NET type.
/// </remarks>
public sealed class CodecRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Type, Entry> _byType = [];
    private readonly Dictionary<int, IMessageCodec> _byId = [];
    private volatile FrozenTables? _frozen;

    /// <summary>Whether <see cref="Freeze"/> has been called.</summary>
    public bool IsFrozen => _frozen is not null;

    /// <summary>Makes a registry with the kernel's codecs (<see cref="WireIds"/> 1–99) registered and not yet frozen.</summary>
    public static CodecRegistry CreateDefault()
    {
        var registry = new CodecRegistry();
        KernelCodecs.Register(registry);
        return registry;
    }

    /// <summary>Registers <paramref name="codec"/> for <typeparamref name="T"/> under <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not in 1..<see cref="int.MaxValue"/>.</exception>
    /// <exception cref="ArgumentException">The id or the type is already registered.</exception>
    /// <exception cref="InvalidOperationException">The registry is frozen.</exception>
    public void Register<T>(int id, MessageCodec<T> codec)
        where T : notnull
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        ArgumentNullException.ThrowIfNull(codec);
        lock (_gate)
        {
            if (_frozen is not null)
            {
                throw new InvalidOperationException($"The registry is frozen; register {typeof(T).FullName} before calling Freeze.");
            }

            if (_byId.TryGetValue(id, out var existing))
            {
                throw new ArgumentException(
                    $"Id {id} is already registered for {existing.MessageType.FullName}; it cannot also be {typeof(T).FullName}.", nameof(id));
            }

            if (_byType.TryGetValue(typeof(T), out var entry))
            {
                throw new ArgumentException(
                    $"{typeof(T).FullName} is already registered under id {entry.Id}; it cannot also have id {id}.", nameof(codec));
            }

            _byId.Add(id, codec);
            _byType.Add(typeof(T), new Entry(id, codec));
        }
    }

    /// <summary>Finds the id and codec for exactly <paramref name="type"/>.</summary>
    public bool TryGetCodec(Type type, out int id, [NotNullWhen(true)] out IMessageCodec? codec)
    {
        ArgumentNullException.ThrowIfNull(type);
        var frozen = _frozen;
        Entry entry;
        bool found;
        if (frozen is not null)
        {
            found = frozen.ByType.TryGetValue(type, out entry);
        }
        else
        {
            lock (_gate)
            {
                found = _byType.TryGetValue(type, out entry);
            }
        }

        id = entry.Id;
        codec = entry.Codec;
        return found;
    }

    /// <summary>Finds the codec registered under <paramref name="id"/>.</summary>
    public bool TryGetCodec(int id, [NotNullWhen(true)] out IMessageCodec? codec)
    {
        var frozen = _frozen;
        if (frozen is not null)
        {
            return frozen.ById.TryGetValue(id, out codec);
        }

        lock (_gate)
        {
            return _byId.TryGetValue(id, out codec);
        }
    }

    /// <summary>Makes the registry immutable, so lookups need no lock; calling it again does nothing.</summary>
    public void Freeze()
    {
        lock (_gate)
        {
            _frozen ??= new FrozenTables(_byType.ToFrozenDictionary(), _byId.ToFrozenDictionary());
        }
    }

    private readonly record struct Entry(int Id, IMessageCodec Codec);

    private sealed record FrozenTables(FrozenDictionary<Type, Entry> ByType, FrozenDictionary<int, IMessageCodec> ById);
}
