using System.Buffers;
using System.Buffers.Binary;
using AkkaRpc.Remote.Framing;
using AkkaRpc.Remote.Tests.Support;

namespace AkkaRpc.Remote.Tests;

public sealed class FrameReaderTests
{
    [Fact]
    public void TryRead_FrameSplitAtEveryByte_ParsesTheSame()
    {
        var writer = new ArrayBufferWriter<byte>();
        FrameWriter.Write(writer, FrameType.Message, "hello, frames"u8);
        FrameWriter.Write(writer, FrameType.Message, []);
        byte[] bytes = writer.WrittenSpan.ToArray();

        for (int cut = 1; cut < bytes.Length; cut++)
        {
            ReadOnlySequence<byte> buffer = SegmentedSequence.Create(bytes, [cut]);

            Assert.True(FrameReader.TryRead(ref buffer, 1024, out FrameType type, out ReadOnlySequence<byte> payload));
            Assert.Equal(FrameType.Message, type);
            Assert.Equal("hello, frames"u8.ToArray(), payload.ToArray());
            Assert.True(FrameReader.TryRead(ref buffer, 1024, out _, out payload));
            Assert.True(payload.IsEmpty);
            Assert.True(buffer.IsEmpty);
        }
    }

    [Fact]
    public void TryRead_PartialFrame_ReturnsFalseAndLeavesBuffer()
    {
        byte[] frame = FakePeer.Frame((byte)FrameType.Message, new byte[10]);
        for (int length = 0; length < frame.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(frame, 0, length);

            Assert.False(FrameReader.TryRead(ref buffer, 1024, out _, out _));
            Assert.Equal(length, buffer.Length);
        }
    }

    [Fact]
    public void TryRead_HeaderClaimingHugeLength_ThrowsWithoutAllocatingIt()
    {
        byte[] header = new byte[FrameLayout.HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, uint.MaxValue);
        header[4] = (byte)FrameType.Message;
        var buffer = new ReadOnlySequence<byte>(header);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<RemoteTransportException>(() => FrameReader.TryRead(ref buffer, 1024 * 1024, out _, out _));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(TransportFailureKind.FrameTooLarge, error.Kind);
        Assert.Equal($"frame of {uint.MaxValue} bytes exceeds the maximum {1024 * 1024}", error.Message);
        Assert.True(allocated < 16 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void TryRead_UnknownType_IsProtocolViolation()
    {
        var buffer = new ReadOnlySequence<byte>(FakePeer.Frame(0x7F, [1, 2, 3]));

        var error = Assert.Throws<RemoteTransportException>(() => FrameReader.TryRead(ref buffer, 1024, out _, out _));

        Assert.Equal(TransportFailureKind.ProtocolViolation, error.Kind);
        Assert.Contains("unknown frame type 0x7F", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteChunked_InterleavedStreams_ReassembleExactly()
    {
        byte[] first = new byte[10_000];
        byte[] second = new byte[7_777];
        new Random(3).NextBytes(first);
        new Random(4).NextBytes(second);
        var a = new ArrayBufferWriter<byte>();
        var b = new ArrayBufferWriter<byte>();
        FrameWriter.WriteChunked(a, 1, first, 1024);
        FrameWriter.WriteChunked(b, 2, second, 1024);
        var reassembler = new ChunkReassembler(maxMessageSize: 16_384, maxOpenStreams: 2);
        List<byte[]> done = [];

        // Alternate frames of the two streams, as two senders sharing a connection could produce.
        var ra = new ReadOnlySequence<byte>(a.WrittenMemory);
        var rb = new ReadOnlySequence<byte>(b.WrittenMemory);
        for (int i = 0; i < 100 && (!ra.IsEmpty || !rb.IsEmpty); i++)
        {
            foreach (bool useA in new[] { true, false })
            {
                ref ReadOnlySequence<byte> source = ref useA ? ref ra : ref rb;
                if (FrameReader.TryRead(ref source, 1024, out FrameType type, out ReadOnlySequence<byte> payload))
                {
                    Assert.Equal(FrameType.Chunk, type);
                    if (reassembler.Add(payload) is { } message)
                    {
                        done.Add(message);
                    }
                }
            }
        }

        Assert.Equal(2, done.Count);
        Assert.Equal(second, done[0]);
        Assert.Equal(first, done[1]);
        Assert.Equal(0, reassembler.OpenStreams);
    }

    [Theory]
    [InlineData(1, 0, 20_000, "exceeds the maximum message size")]
    [InlineData(1, 1, 100, "starts at sequence 1")]
    [InlineData(1, 0, 0, "announces an empty message")]
    public void ChunkReassembler_BadFirstChunk_Throws(uint stream, uint sequence, uint total, string expected)
    {
        var reassembler = new ChunkReassembler(maxMessageSize: 16_384, maxOpenStreams: 2);

        var error = Assert.Throws<RemoteTransportException>(() => reassembler.Add(Chunk(stream, sequence, total, 10)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChunkReassembler_TooManyOpenStreams_Throws()
    {
        var reassembler = new ChunkReassembler(maxMessageSize: 16_384, maxOpenStreams: 2);
        reassembler.Add(Chunk(1, 0, 100, 10));
        reassembler.Add(Chunk(2, 0, 100, 10));

        var error = Assert.Throws<RemoteTransportException>(() => reassembler.Add(Chunk(3, 0, 100, 10)));

        Assert.Contains("more than 2 chunk streams", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChunkReassembler_OutOfOrderOrOverlongChunk_Throws()
    {
        var reassembler = new ChunkReassembler(maxMessageSize: 16_384, maxOpenStreams: 2);
        reassembler.Add(Chunk(1, 0, 100, 10));

        Assert.Contains("expected sequence 1", Assert.Throws<RemoteTransportException>(() => reassembler.Add(Chunk(1, 2, 100, 10))).Message, StringComparison.Ordinal);

        reassembler = new ChunkReassembler(maxMessageSize: 16_384, maxOpenStreams: 2);
        reassembler.Add(Chunk(1, 0, 100, 95));
        Assert.Contains("more data than", Assert.Throws<RemoteTransportException>(() => reassembler.Add(Chunk(1, 1, 100, 10))).Message, StringComparison.Ordinal);
    }

    internal static ReadOnlySequence<byte> Chunk(uint stream, uint sequence, uint total, int dataLength)
    {
        byte[] payload = new byte[FrameLayout.ChunkHeaderSize + dataLength];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, stream);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(4), sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(8), total);
        return new ReadOnlySequence<byte>(payload);
    }
}
