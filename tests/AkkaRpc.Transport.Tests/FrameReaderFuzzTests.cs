using System.Buffers;
using AkkaRpc.Transport.Connections;
using AkkaRpc.Transport.Framing;

namespace AkkaRpc.Transport.Tests;

/// <summary>Random and mutated bytes through the frame parser: only protocol errors, never a crash or a big allocation.</summary>
public sealed class FrameReaderFuzzTests
{
    private const int Inputs = 20_000;
    private const int MaxFrame = 4096;

    [Fact]
    public void RandomAndMutatedInputs_OnlyProtocolErrors_AndNoAllocationPerFrame()
    {
        var random = new Random(20_261_201);
        int frames = 0;
        int rejected = 0;
        for (int n = 0; n < Inputs; n++)
        {
            byte[] input = n % 3 == 0 ? RandomBytes(random) : Mutate(random, ValidFrames(random));
            int[] cuts = [.. Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(input.Length + 1)).Distinct().Order().Where(c => c > 0 && c < input.Length)];
            ReadOnlySequence<byte> buffer = SegmentedSequence.Create(input, cuts);

            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                // Every frame consumes at least a header, so this loop ends within input.Length / 5 rounds.
                while (FrameReader.TryRead(ref buffer, MaxFrame, out _, out _))
                {
                    frames++;
                }
            }
            catch (ConnectionException ex)
            {
                rejected++;
                Assert.True(ex.Kind is FailureKind.ProtocolViolation or FailureKind.FrameTooLarge, ex.Kind.ToString());
            }

            // Parsing slices; only a rejection allocates (its exception and message).
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before <= 16_384, $"input {n} allocated too much");
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
            byte[] payload = new byte[random.Next(0, 200)];
            random.NextBytes(payload);
            FrameWriter.Write(writer, random.Next(2) == 0 ? FrameType.Pdu : (FrameType)random.Next(1, 6), payload);
        }

        return writer.WrittenSpan.ToArray();
    }

    private static byte[] Mutate(Random random, byte[] input)
    {
        int mutations = random.Next(0, 3);
        for (int i = 0; i < mutations && input.Length > 0; i++)
        {
            input[random.Next(input.Length)] = (byte)random.Next(256);
        }

        return input;
    }
}
