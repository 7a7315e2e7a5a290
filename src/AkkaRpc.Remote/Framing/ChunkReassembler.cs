using System.Buffers;
using System.Buffers.Binary;

namespace AkkaRpc.Remote.Framing;

/// <summary>
/// Puts chunked messages back together for one connection, enforcing the message size cap and the cap on
/// streams open at once. Buffers grow with the bytes actually received, so a peer that merely announces
/// huge messages cannot make us allocate them.
/// </summary>
internal sealed class ChunkReassembler
{
    private readonly int _maxMessageSize;
    private readonly int _maxOpenStreams;
    private readonly Dictionary<uint, Stream> _open = [];

    public ChunkReassembler(int maxMessageSize, int maxOpenStreams)
    {
        _maxMessageSize = maxMessageSize;
        _maxOpenStreams = maxOpenStreams;
    }

    /// <summary>Gets how many streams are half-received.</summary>
    public int OpenStreams => _open.Count;

    /// <summary>Adds one chunk payload; returns the whole message when this chunk completes it.</summary>
    /// <exception cref="RemoteTransportException">The chunk breaks the protocol or a cap.</exception>
    public byte[]? Add(ReadOnlySequence<byte> chunkPayload)
    {
        if (chunkPayload.Length < FrameLayout.ChunkHeaderSize)
        {
            throw ProtocolErrors.Violation($"chunk frame of {chunkPayload.Length} bytes is shorter than its {FrameLayout.ChunkHeaderSize}-byte header");
        }

        Span<byte> header = stackalloc byte[FrameLayout.ChunkHeaderSize];
        chunkPayload.Slice(0, FrameLayout.ChunkHeaderSize).CopyTo(header);
        uint streamId = BinaryPrimitives.ReadUInt32LittleEndian(header);
        uint sequence = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        uint totalLength = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        ReadOnlySequence<byte> data = chunkPayload.Slice(FrameLayout.ChunkHeaderSize);

        if (!_open.TryGetValue(streamId, out Stream? stream))
        {
            if (sequence != 0)
            {
                throw ProtocolErrors.Violation($"chunk stream {streamId} starts at sequence {sequence} instead of 0");
            }

            if (totalLength == 0 || totalLength > (uint)_maxMessageSize)
            {
                throw new RemoteTransportException(
                    TransportFailureKind.FrameTooLarge,
                    totalLength == 0
                        ? $"chunk stream {streamId} announces an empty message"
                        : $"chunked message of {totalLength} bytes exceeds the maximum message size {_maxMessageSize}");
            }

            if (_open.Count >= _maxOpenStreams)
            {
                throw ProtocolErrors.Violation($"the peer opened more than {_maxOpenStreams} chunk streams at once");
            }

            stream = new Stream(totalLength);
            _open.Add(streamId, stream);
        }
        else if (sequence != stream.NextSequence || totalLength != stream.TotalLength)
        {
            throw ProtocolErrors.Violation(
                $"chunk stream {streamId} got sequence {sequence} (total {totalLength}) but expected sequence {stream.NextSequence} (total {stream.TotalLength})");
        }

        if (data.Length > stream.TotalLength - stream.Received)
        {
            throw ProtocolErrors.Violation($"chunk stream {streamId} carries more data than its announced {stream.TotalLength} bytes");
        }

        stream.Append(data);
        if (stream.Received < stream.TotalLength)
        {
            return null;
        }

        _open.Remove(streamId);
        return stream.Buffer;
    }

    private sealed class Stream
    {
        public Stream(uint totalLength)
        {
            TotalLength = totalLength;
            Buffer = new byte[Math.Min(totalLength, 64 * 1024)];
        }

        public uint TotalLength { get; }

        public uint NextSequence { get; private set; }

        public int Received { get; private set; }

        public byte[] Buffer { get; private set; }

        public void Append(ReadOnlySequence<byte> data)
        {
            int needed = Received + (int)data.Length;
            if (needed > Buffer.Length)
            {
                // Double, but never past the announced total, so the last growth lands on the exact size.
                byte[] bigger = new byte[(int)Math.Min(TotalLength, Math.Max(needed, (long)Buffer.Length * 2))];
                Buffer.AsSpan(0, Received).CopyTo(bigger);
                Buffer = bigger;
            }

            data.CopyTo(Buffer.AsSpan(Received));
            Received = needed;
            NextSequence++;
        }
    }
}
