using System.Buffers;
using Akka.Actor;

namespace AkkaRpc.Protocol.Serialization;

/// <summary>Reads the primitives of the AkkaRpc wire format from a <see cref="ReadOnlySequence{T}"/>.</summary>
/// <remarks>
/// Input is untrusted: anything malformed (truncated, an overlong varint, a length beyond the input
/// or over the limit, invalid UTF-8, a bool that is not 0 or 1, an unknown id) throws
/// <see cref="WireFormatException"/>, and no claimed length is allocated before it has been checked
/// against the bytes that remain.
/// </remarks>
public ref partial struct WireReader
{
    /// <summary>How deeply messages may nest inside each other; deeper input is rejected rather than risk the stack.</summary>
    public const int MaxNestingDepth = 32;

    /// <summary>The default limit on one string or byte string: 64 MiB.</summary>
    public const int DefaultMaxStringOrBytesLength = 64 * 1024 * 1024;

    private readonly IActorRefCodec? _refs;
    private readonly CodecRegistry? _registry;
    private readonly int _maxLength;
    private readonly int _depth;
    private SequenceReader<byte> _reader;

    /// <summary>Creates a reader over <paramref name="input"/>.</summary>
    /// <param name="input">The bytes to read.</param>
    /// <param name="refs">Decodes actor references; required only for messages that carry them.</param>
    /// <param name="maxStringOrBytesLength">The longest string (in UTF-8 bytes) or byte string accepted.</param>
    /// <param name="registry">Decodes nested messages; required only for messages that carry them.</param>
    public WireReader(
        ReadOnlySequence<byte> input,
        IActorRefCodec? refs = null,
        int maxStringOrBytesLength = DefaultMaxStringOrBytesLength,
        CodecRegistry? registry = null)
        : this(input, refs, maxStringOrBytesLength, registry, 0)
    {
    }

    private WireReader(ReadOnlySequence<byte> input, IActorRefCodec? refs, int maxLength, CodecRegistry? registry, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        _reader = new SequenceReader<byte>(input);
        _refs = refs;
        _registry = registry;
        _maxLength = maxLength;
        _depth = depth;
    }

    /// <summary>Whether every byte has been read.</summary>
    public readonly bool End => _reader.End;

    /// <summary>How many bytes are left.</summary>
    public readonly long Remaining => _reader.Remaining;

    /// <summary>How many bytes have been read.</summary>
    public readonly long Consumed => _reader.Consumed;

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        if (!_reader.TryRead(out var value))
        {
            WireErrors.Truncated("a byte", 1, 0);
        }

        return value;
    }

    /// <summary>Reads a bool, which must be the byte 0 or 1.</summary>
    public bool ReadBool()
    {
        var value = ReadByte();
        if (value > 1)
        {
            WireErrors.InvalidBool(value);
        }

        return value == 1;
    }

    /// <summary>Reads an unsigned varint of at most 5 bytes that fits 32 bits.</summary>
    public uint ReadVarUInt32()
    {
        var span = _reader.UnreadSpan;
        if (span.Length > 0 && span[0] < 0x80)
        {
            // One-byte values (small ids, lengths, counts) are by far the most common.
            _reader.Advance(1);
            return span[0];
        }

        var value = ReadVarUInt64Core(5, "varint32");
        return (uint)value;
    }

    /// <summary>Reads a zigzag varint into a signed int.</summary>
    public int ReadVarInt32()
    {
        var raw = ReadVarUInt32();
        return (int)(raw >> 1) ^ -(int)(raw & 1);
    }

    /// <summary>Reads an unsigned varint of at most 10 bytes.</summary>
    public ulong ReadVarUInt64() => ReadVarUInt64Core(10, "varint64");

    /// <summary>Reads a zigzag varint into a signed long.</summary>
    public long ReadVarInt64()
    {
        var raw = ReadVarUInt64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>Reads a double from its 8 little-endian IEEE 754 bytes, bit for bit.</summary>
    public double ReadDouble()
    {
        if (!_reader.TryReadLittleEndian(out long bits))
        {
            WireErrors.Truncated("a double", 8, _reader.Remaining);
        }

        return BitConverter.Int64BitsToDouble(bits);
    }

    /// <summary>Reads a time span from its ticks.</summary>
    public TimeSpan ReadTimeSpan() => new(ReadVarInt64());

    /// <summary>Reads a count written by <see cref="WireWriter.WriteCount"/>, checking that the input could hold that many items.</summary>
    /// <param name="minBytesPerItem">The fewest bytes one item takes on the wire (at least 1), so a huge claimed count with little input is rejected before anything is allocated for it.</param>
    public int ReadCount(int minBytesPerItem = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minBytesPerItem, 1);
        var count = ReadVarUInt32();
        if (count > int.MaxValue || (long)count * minBytesPerItem > _reader.Remaining)
        {
            WireErrors.CountTooLarge("count", count, _reader.Remaining);
        }

        return (int)count;
    }

    /// <summary>Reads an actor reference through the connection's <see cref="IActorRefCodec"/>.</summary>
    /// <exception cref="InvalidOperationException">The reader was made without an <see cref="IActorRefCodec"/>.</exception>
    public IActorRef? ReadActorRef()
    {
        if (_refs is null)
        {
            WireErrors.NoActorRefCodec();
        }

        return _refs.Read(ref this);
    }

    /// <summary>Reads a message written by <see cref="WireWriter.WriteMessage"/>: its id, then its payload through the registered codec.</summary>
    /// <returns>The message, or null if null was written.</returns>
    /// <remarks>The payload must be consumed exactly; the reader stays positioned after it.</remarks>
    /// <exception cref="InvalidOperationException">The reader was made without a <see cref="CodecRegistry"/>.</exception>
    public object? ReadMessage()
    {
        var id = ReadVarUInt32();
        if (id == WireIds.Null)
        {
            return null;
        }

        if (_registry is null)
        {
            WireErrors.NoRegistry();
        }

        if (id > int.MaxValue || !_registry.TryGetCodec((int)id, out var codec))
        {
            throw new WireFormatException($"Unknown message id {id}: no codec is registered for it.");
        }

        var length = ReadVarUInt32();
        if (length > _reader.Remaining)
        {
            WireErrors.Truncated($"the payload of message {id}", length, _reader.Remaining);
        }

        if (_depth >= MaxNestingDepth)
        {
            WireErrors.Invalid($"Messages nest more than {MaxNestingDepth} deep.");
        }

        var payload = _reader.Sequence.Slice(_reader.Position, length);
        _reader.Advance(length);
        var inner = new WireReader(payload, _refs, _maxLength, _registry, _depth + 1);
        object message;
        try
        {
            message = codec.ReadObject(ref inner);
        }
        catch (WireFormatException ex) when (_depth == 0)
        {
            // Name the outermost message once; nested failures already say what was being read.
            throw new WireFormatException($"Invalid payload of message {id} ({codec.MessageType.Name}): {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            // A record's constructor rejected decoded values (e.g. a repeated parameter name): the input is bad, not the caller.
            throw new WireFormatException($"Invalid payload of message {id} ({codec.MessageType.Name}): {ex.Message}", ex);
        }

        if (!inner.End)
        {
            WireErrors.Invalid($"The payload of message {id} ({codec.MessageType.Name}) has {inner.Remaining} bytes left over.");
        }

        return message;
    }

    /// <summary>Reads the one message a frame holds: like <see cref="ReadMessage()"/>, but bytes after it are an error too.</summary>
    public object? ReadMessageToEnd()
    {
        var message = ReadMessage();
        if (!_reader.End)
        {
            WireErrors.Invalid($"{_reader.Remaining} bytes follow the message; a frame holds exactly one.");
        }

        return message;
    }

    /// <summary>Reads a nested message that must be a non-null <typeparamref name="T"/>.</summary>
    public T ReadMessage<T>()
        where T : class
    {
        var message = ReadMessage();
        if (message is not T typed)
        {
            throw new WireFormatException(
                $"Expected a nested {typeof(T).Name}, but the input holds {(message is null ? "null" : "a " + message.GetType().Name)}.");
        }

        return typed;
    }

    private ulong ReadVarUInt64Core(int maxBytes, string what)
    {
        // Bits the last allowed byte may carry: 32 - 4*7 = 4 for varint32, 64 - 9*7 = 1 for varint64.
        var lastByteLimit = maxBytes == 5 ? 0x0F : 0x01;
        ulong result = 0;
        for (var i = 0; i < maxBytes; i++)
        {
            if (!_reader.TryRead(out var b))
            {
                WireErrors.Truncated(what, i + 1, 0);
            }

            if (i == maxBytes - 1 && b > lastByteLimit)
            {
                WireErrors.Overlong(what);
            }

            result |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                // A trailing zero byte would make a second encoding of the same value; the format has one.
                if (b == 0 && i > 0)
                {
                    WireErrors.Overlong(what);
                }

                return result;
            }
        }

        WireErrors.Overlong(what);
        return 0;
    }
}
