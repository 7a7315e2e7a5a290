using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Akka.Actor;

namespace AkkaRpc.Protocol.Serialization;

/// <summary>Writes the primitives of the AkkaRpc wire format to an <see cref="IBufferWriter{T}"/>.</summary>
/// <remarks>
/// Every method commits its bytes to the output before it returns (there is nothing to flush), so a
/// writer may be abandoned at any point. Integers are LEB128 varints (signed ones zigzag-encoded),
/// doubles are 8 bytes little-endian, strings and byte strings are length-prefixed.
/// </remarks>
public ref struct WireWriter
{
    // Strings up to this many UTF-16 chars encode to at most 126 bytes, so their length prefix (count + 1) is one byte.
    private const int ShortStringChars = 42;

    // Larger strings are transcoded in chunks so the output never has to hand out one giant span.
    private const int StringChunkBytes = 16 * 1024;

    private static readonly Encoding s_utf8 = Encoding.UTF8;

    private readonly IBufferWriter<byte> _output;
    private readonly IActorRefCodec? _refs;
    private readonly CodecRegistry? _registry;
    private readonly int _depth;

    /// <summary>Creates a writer over <paramref name="output"/>.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="refs">Encodes actor references; required only for messages that carry them.</param>
    /// <param name="registry">Encodes nested messages; required only for messages that carry them.</param>
    public WireWriter(IBufferWriter<byte> output, IActorRefCodec? refs = null, CodecRegistry? registry = null)
        : this(output, refs, registry, 0)
    {
    }

    private WireWriter(IBufferWriter<byte> output, IActorRefCodec? refs, CodecRegistry? registry, int depth)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _refs = refs;
        _registry = registry;
        _depth = depth;
    }

    /// <summary>Writes one byte.</summary>
    public readonly void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    /// <summary>Writes a bool as one byte, 0 or 1.</summary>
    public readonly void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>Writes an unsigned varint (1–5 bytes): the same encoding as <see cref="WriteVarUInt64"/> of the value.</summary>
    public readonly void WriteVarUInt32(uint value) => WriteVarUInt64(value);

    /// <summary>Writes a signed int as a zigzag varint, so small negative numbers stay small.</summary>
    public readonly void WriteVarInt32(int value) => WriteVarUInt32((uint)((value << 1) ^ (value >> 31)));

    /// <summary>Writes an unsigned varint (1–10 bytes).</summary>
    public readonly void WriteVarUInt64(ulong value)
    {
        var span = _output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _output.Advance(i);
    }

    /// <summary>Writes a signed long as a zigzag varint.</summary>
    public readonly void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes a double as its exact 8 IEEE 754 bytes, little-endian, NaN payloads included.</summary>
    public readonly void WriteDouble(double value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_output.GetSpan(8), BitConverter.DoubleToInt64Bits(value));
        _output.Advance(8);
    }

    /// <summary>Writes a string as UTF-8 with a varint prefix of its byte count plus one; 0 means null.</summary>
    /// <remarks>A lone surrogate, which UTF-8 cannot represent, is written as U+FFFD, as SQLite and every UTF-8 encoder would.</remarks>
    public readonly void WriteString(string? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        if (value.Length <= ShortStringChars)
        {
            var span = _output.GetSpan(1 + (ShortStringChars * 3));
            var count = s_utf8.GetBytes(value, span[1..]);
            span[0] = (byte)(count + 1);
            _output.Advance(count + 1);
            return;
        }

        var byteCount = s_utf8.GetByteCount(value);
        WriteVarUInt32((uint)byteCount + 1);
        if (byteCount <= StringChunkBytes)
        {
            var written = s_utf8.GetBytes(value, _output.GetSpan(byteCount));
            _output.Advance(written);
            return;
        }

        WriteLongString(value);
    }

    /// <summary>Writes a byte string with a varint length prefix.</summary>
    public readonly void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteVarUInt32((uint)value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes a time span as its ticks, a zigzag varint.</summary>
    public readonly void WriteTimeSpan(TimeSpan value) => WriteVarInt64(value.Ticks);

    /// <summary>Writes a count of items that follow (a non-negative int as a varint).</summary>
    public readonly void WriteCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        WriteVarUInt32((uint)count);
    }

    /// <summary>Writes an actor reference, which may be null, through the connection's <see cref="IActorRefCodec"/>.</summary>
    /// <exception cref="InvalidOperationException">The writer was made without an <see cref="IActorRefCodec"/>.</exception>
    public void WriteActorRef(IActorRef? actorRef)
    {
        if (_refs is null)
        {
            WireErrors.NoActorRefCodec();
        }

        _refs.Write(ref this, actorRef);
    }

    /// <summary>Writes a message, which may be null, as its registered id and its length-prefixed payload.</summary>
    /// <remarks>Used for the top-level message of a frame and for messages nested in others (e.g. the value of a <c>Status.Success</c>).</remarks>
    /// <exception cref="InvalidOperationException">No registry was given, or none of its codecs is for the message's exact type.</exception>
    public readonly void WriteMessage(object? message)
    {
        if (message is null)
        {
            WriteByte(WireIds.Null);
            return;
        }

        if (_registry is null)
        {
            WireErrors.NoRegistry();
        }

        if (!_registry.TryGetCodec(message.GetType(), out var id, out var codec))
        {
            WireErrors.NoCodecFor(message.GetType());
        }

        if (_depth >= WireReader.MaxNestingDepth)
        {
            WireErrors.WriteTooDeep(WireReader.MaxNestingDepth);
        }

        WriteVarUInt32((uint)id);

        // The payload's length precedes it, so it is written to a scratch buffer first.
        var scratch = ScratchBuffer.Rent();
        try
        {
            var inner = new WireWriter(scratch, _refs, _registry, _depth + 1);
            codec!.WriteObject(ref inner, message);
            var payload = scratch.WrittenSpan;
            WriteVarUInt32((uint)payload.Length);
            WriteRaw(payload);
        }
        finally
        {
            ScratchBuffer.Return(scratch);
        }
    }

    private readonly void WriteRaw(ReadOnlySpan<byte> value)
    {
        while (!value.IsEmpty)
        {
            var span = _output.GetSpan(Math.Min(value.Length, StringChunkBytes));
            var n = Math.Min(span.Length, value.Length);
            value[..n].CopyTo(span);
            _output.Advance(n);
            value = value[n..];
        }
    }

    private readonly void WriteLongString(string value)
    {
        var encoder = s_utf8.GetEncoder();
        var chars = value.AsSpan();
        var completed = false;
        while (!completed)
        {
            var span = _output.GetSpan(StringChunkBytes);
            encoder.Convert(chars, span, flush: true, out var charsUsed, out var bytesUsed, out completed);
            _output.Advance(bytesUsed);
            chars = chars[charsUsed..];
        }
    }
}
