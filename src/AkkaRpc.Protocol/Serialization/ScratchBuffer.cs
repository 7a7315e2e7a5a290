using System.Buffers;

namespace AkkaRpc.Protocol.Serialization;

/// <summary>A pooled, growable buffer for writing a nested payload before its length is known.</summary>
/// <remarks>One instance per thread is cached, because a nested message (and its length prefix) is written on every Status reply.</remarks>
internal sealed class ScratchBuffer : IBufferWriter<byte>
{
    // A large result (a full chunk of rows) would otherwise regrow the buffer, copying as it goes, on every
    // reply; buffers bigger than this go back to the pool instead of staying with a thread.
    private const int MaxCachedSize = 1024 * 1024;

    [ThreadStatic]
    private static ScratchBuffer? t_cached;

    private byte[] _buffer;
    private int _written;

    private ScratchBuffer()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(256);
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public static ScratchBuffer Rent()
    {
        var buffer = t_cached;
        if (buffer is null)
        {
            return new ScratchBuffer();
        }

        t_cached = null;
        return buffer;
    }

    public static void Return(ScratchBuffer buffer)
    {
        buffer._written = 0;
        if (buffer._buffer.Length > MaxCachedSize)
        {
            ArrayPool<byte>.Shared.Return(buffer._buffer);
            buffer._buffer = ArrayPool<byte>.Shared.Rent(256);
        }

        t_cached = buffer;
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)_written + needed));
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _written).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
