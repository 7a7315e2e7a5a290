using System.Buffers;
using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;
using AkkaRpc.Sqlite.Wire;

namespace AkkaRpc.Sqlite.Tests.Wire;

/// <summary>Encodes and decodes database messages through a registry set up as a node sets it up.</summary>
internal static class SqliteWire
{
    public static readonly PathActorRefCodec Refs = new();

    public static CodecRegistry Registry { get; } = CreateRegistry();

    public static byte[] Encode(object? message)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output, Refs, Registry);
        writer.WriteMessage(message);
        return output.WrittenSpan.ToArray();
    }

    public static object? Decode(byte[] bytes) => Decode(new ReadOnlySequence<byte>(bytes));

    public static object? Decode(ReadOnlySequence<byte> bytes)
    {
        var reader = new WireReader(bytes, Refs, registry: Registry);
        return reader.ReadMessageToEnd();
    }

    /// <summary>Decodes its own encoding, checking that the copy is the same type and encodes to the same bytes.</summary>
    public static T RoundTrip<T>(T message)
        where T : notnull
    {
        var bytes = Encode(message);
        var decoded = Decode(bytes);
        Assert.NotNull(decoded);
        Assert.Equal(message.GetType(), decoded.GetType());
        Assert.Equal(bytes, Encode(decoded));
        Assert.Equal(bytes, Encode(Decode(OneBytePerSegment(bytes))));
        return (T)decoded;
    }

    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(bytes.AsMemory(0, 1), 0);
        var last = first;
        for (var i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private static CodecRegistry CreateRegistry()
    {
        var registry = CodecRegistry.CreateDefault();
        SqliteCodecs.Register(registry);
        registry.Freeze();
        return registry;
    }

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

/// <summary>An actor reference that is only a path, for messages that carry one.</summary>
internal sealed class PathActorRef(ActorPath path) : IActorRef
{
    public ActorPath Path { get; } = path;

    public void Tell(object message, IActorRef? sender) => throw new NotSupportedException("A path-only reference cannot receive messages.");

    public bool Equals(IActorRef? other) => other is not null && Path.Equals(other.Path);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => Path.GetHashCode();

    public int CompareTo(IActorRef? other) => other is null ? 1 : Path.CompareTo(other.Path);
}

/// <summary>Writes a reference as its path text, as a connection's codec might.</summary>
internal sealed class PathActorRefCodec : IActorRefCodec
{
    public void Write(ref WireWriter writer, IActorRef? actorRef) => writer.WriteString(actorRef?.Path.ToString());

    public IActorRef? Read(ref WireReader reader)
    {
        var text = reader.ReadString();
        if (text is null)
        {
            return null;
        }

        return ActorPath.TryParse(text, out var path)
            ? new PathActorRef(path)
            : throw new WireFormatException($"Invalid actor reference: '{text}' is not an actor path.");
    }
}
