using System.Buffers.Binary;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace AkkaRpc.Bench.Services.Actors;

/// <summary>
/// The Akka serializer of the hand-written echo service's messages (identifier 7309): a two-letter manifest per message
/// and a fixed little-endian layout (a 32-bit length before each payload), as a careful Akka.NET user writes one, so the
/// hand-written baseline pays for no reflection or JSON either.
/// </summary>
/// <remarks>Akka creates it by name from <c>akka.actor.serializers</c> (see <see cref="ServiceActorConfig"/>).</remarks>
internal sealed class ServiceMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The fixed identifier; Akka reserves 0–100, and 7301–7303 are the database, node and bench worker protocols'.</summary>
    public const int Id = 7309;

    private const string Echo = "ec";
    private const string Compute = "cc";
    private const string ComputeAnswer = "cr";
    private const string Upload = "uc";
    private const string Length = "lr";
    private const string Download = "dc";
    private const string Payload = "pr";
    private const string Refused = "rf";

    /// <inheritdoc/>
    public override string Manifest(object o) => o switch
    {
        EchoCall => Echo,
        ComputeCall => Compute,
        ComputeResult => ComputeAnswer,
        UploadCall => Upload,
        LengthReply => Length,
        DownloadCall => Download,
        PayloadReply => Payload,
        CallRefused => Refused,
        _ => throw Unknown(o),
    };

    /// <inheritdoc/>
    public override byte[] ToBinary(object obj) => obj switch
    {
        EchoCall m => WithLength(m.Data.Span),
        ComputeCall m => Longs(m.A, m.B),
        ComputeResult m => Longs(m.Sum),
        UploadCall m => WithLength(m.Data.Span),
        LengthReply m => Int(m.Bytes),
        DownloadCall m => Int(m.Bytes),
        PayloadReply m => WithLength(m.Data.Span),
        CallRefused m => WithLength(System.Text.Encoding.UTF8.GetBytes(m.Reason)),
        _ => throw Unknown(obj),
    };

    /// <inheritdoc/>
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return manifest switch
        {
            Echo => new EchoCall(ReadPayload(bytes, manifest)),
            Compute => new ComputeCall(ReadLong(bytes, 0, 16, manifest), ReadLong(bytes, 8, 16, manifest)),
            ComputeAnswer => new ComputeResult(ReadLong(bytes, 0, 8, manifest)),
            Upload => new UploadCall(ReadPayload(bytes, manifest)),
            Length => new LengthReply(ReadInt(bytes, manifest)),
            Download => new DownloadCall(ReadInt(bytes, manifest)),
            Payload => new PayloadReply(ReadPayload(bytes, manifest)),
            Refused => new CallRefused(System.Text.Encoding.UTF8.GetString(ReadPayload(bytes, manifest).Span)),
            _ => throw new SerializationException(
                $"Manifest '{manifest}' is not an echo service message of serializer {Id}; expected one of " +
                $"{Echo}, {Compute}, {ComputeAnswer}, {Upload}, {Length}, {Download}, {Payload}, {Refused}."),
        };
    }

    private static byte[] WithLength(ReadOnlySpan<byte> data)
    {
        var bytes = new byte[4 + data.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, data.Length);
        data.CopyTo(bytes.AsSpan(4));
        return bytes;
    }

    private static byte[] Longs(params ReadOnlySpan<long> values)
    {
        var bytes = new byte[8 * values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 * i), values[i]);
        }

        return bytes;
    }

    private static byte[] Int(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>The payload after its length, as a view of <paramref name="bytes"/>: Akka hands each message its own array, so no copy is needed.</summary>
    private static ReadOnlyMemory<byte> ReadPayload(byte[] bytes, string manifest)
    {
        int length = bytes.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : -1;
        if (length < 0 || length != bytes.Length - 4)
        {
            throw Malformed(manifest, bytes.Length, "a 32-bit length and that many bytes");
        }

        return bytes.AsMemory(4, length);
    }

    private static long ReadLong(byte[] bytes, int offset, int expected, string manifest) =>
        bytes.Length == expected ? BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(offset)) : throw Malformed(manifest, bytes.Length, $"{expected} bytes");

    private static int ReadInt(byte[] bytes, string manifest) =>
        bytes.Length == 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : throw Malformed(manifest, bytes.Length, "4 bytes");

    private static SerializationException Malformed(string manifest, int length, string expected) =>
        new($"Echo service message '{manifest}' of {length} bytes is malformed: it must be {expected}.");

    private static ArgumentException Unknown(object? o) =>
        new($"{o?.GetType().Name ?? "null"} is not an echo service message; serializer {Id} writes only those.", nameof(o));
}
