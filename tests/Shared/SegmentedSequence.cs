using System.Buffers;

namespace AkkaRpc.Testing;

/// <summary>Builds a multi-segment <see cref="ReadOnlySequence{T}"/>, as a pipe hands out bytes that arrived in pieces.</summary>
internal static class SegmentedSequence
{
    /// <summary>Cuts <paramref name="data"/> at each offset in <paramref name="cuts"/> (ascending).</summary>
    public static ReadOnlySequence<byte> Create(byte[] data, IReadOnlyList<int> cuts)
    {
        if (cuts.Count == 0)
        {
            return new ReadOnlySequence<byte>(data);
        }

        Segment? first = null;
        Segment? last = null;
        int start = 0;
        foreach (int cut in cuts.Append(data.Length))
        {
            var memory = new ReadOnlyMemory<byte>(data, start, cut - start);
            if (first is null)
            {
                first = last = new Segment(memory, 0);
            }
            else
            {
                last = last!.Append(memory);
            }

            start = cut;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>One segment per byte, so every multi-byte read crosses a segment boundary.</summary>
    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] data) =>
        data.Length == 0 ? ReadOnlySequence<byte>.Empty : Create(data, [.. Enumerable.Range(1, data.Length - 1)]);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
