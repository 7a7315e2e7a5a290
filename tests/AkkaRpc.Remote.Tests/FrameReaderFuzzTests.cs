using System.Buffers;
using System.Buffers.Binary;
using AkkaRpc.Remote.Framing;
using AkkaRpc.Remote.Tests.Support;

namespace AkkaRpc.Remote.Tests;

public sealed class FrameReaderFuzzTests
{
    private const int Inputs = 20_000;
    private const int MaxFrame = 4096;
    private const int MaxMessage = 16 * 1024;
    private const int MaxStreams = 4;

    [Fact]
    public void RandomAndMutatedInputs_OnlyProtocolExceptions_AndBoundedAllocation()
    {
        var random = new Random(20_261_123);
        int frames = 0;
        int rejected = 0;
        for (int n = 0; n < Inputs; n++)
        {
            byte[] input = n % 3 == 0 ? RandomBytes(random) : Mutate(random, ValidFrames(random));
            int[] cuts = Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(input.Length + 1)).Distinct().Order().Where(c => c > 0 && c < input.Length).ToArray();
            ReadOnlySequence<byte> buffer = SegmentedSequence.Create(input, cuts);
            var reassembler = new ChunkReassembler(MaxMessage, MaxStreams);

            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                // Every frame consumes at least a header, so this loop ends within input.Length / 5 rounds.
                while (FrameReader.TryRead(ref buffer, MaxFrame, out FrameType type, out ReadOnlySequence<byte> payload))
                {
                    frames++;
                    if (type == FrameType.Chunk)
                    {
                        reassembler.Add(payload);
                    }
                }
            }
            catch (RemoteTransportException ex)
            {
                rejected++;
                Assert.True(ex.Kind is TransportFailureKind.ProtocolViolation or TransportFailureKind.FrameTooLarge, ex.Kind.ToString());
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // At most every stream's buffer (grown to at most the message cap, with one copy) plus an exception.
            Assert.True(allocated <= (MaxStreams * MaxMessage * 2) + 16_384, $"input {n} allocated {allocated} bytes");
        }

        Assert.True(frames > Inputs / 2, $"only {frames} frames parsed: the generator is not producing valid frames");
        Assert.True(rejected > Inputs / 10, $"only {rejected} inputs rejected: the mutations are not biting");
    }

    private static byte[] RandomBytes(Random random)
    {
        byte[] bytes = new byte[random.Next(64)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] ValidFrames(Random random)
    {
        var writer = new ArrayBufferWriter<byte>();
        int count = random.Next(1, 5);
        for (int i = 0; i < count; i++)
        {
            if (random.Next(2) == 0)
            {
                byte[] payload = new byte[random.Next(200)];
                random.NextBytes(payload);
                FrameWriter.Write(writer, random.Next(3) == 0 ? (FrameType)random.Next(1, 6) : FrameType.Message, payload);
            }
            else
            {
                byte[] message = new byte[random.Next(1, 3 * MaxFrame)];
                FrameWriter.WriteChunked(writer, (uint)random.Next(6), message, MaxFrame);
            }
        }

        return writer.WrittenSpan.ToArray();
    }

    private static byte[] Mutate(Random random, byte[] input)
    {
        switch (random.Next(5))
        {
            case 0:
                return input;
            case 1:
                // Flip a few bytes anywhere, headers included.
                for (int i = random.Next(1, 4); i > 0; i--)
                {
                    input[random.Next(input.Length)] ^= (byte)random.Next(1, 256);
                }

                return input;
            case 2:
                return input[..random.Next(input.Length)];
            case 3:
                // A huge or off-by-one length in the first header.
                BinaryPrimitives.WriteUInt32LittleEndian(input, random.Next(2) == 0 ? (uint)random.NextInt64(MaxFrame + 1, uint.MaxValue) : MaxFrame + 1u);
                return input;
            default:
                // Corrupt a chunk header's total length, sequence or stream id, when there is one.
                if (input.Length > FrameLayout.HeaderSize + FrameLayout.ChunkHeaderSize && input[4] == (byte)FrameType.Chunk)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(input.AsSpan(FrameLayout.HeaderSize + (4 * random.Next(3))), (uint)random.NextInt64(uint.MaxValue));
                }

                return input;
        }
    }
}
