using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using Akka.Actor;
using Akka.Serialization;

namespace AkkaRpc.Protocol.Serialization;

/// <summary>
/// The base of AkkaRpc's Akka serializers: each message type is written by its codec in our binary wire format and
/// named on the wire by its fixed numeric id (the manifest), never by a .NET type name.
/// </summary>
/// <remarks>
/// Input is untrusted: a payload that does not decode exactly (truncated, trailing bytes, unknown id, over a limit)
/// throws <see cref="System.Runtime.Serialization.SerializationException"/>, which Akka.Remote logs before dropping
/// that one message.
/// </remarks>
public abstract class WireSerializer : SerializerWithStringManifest
{
    private readonly CodecRegistry _registry;
    private readonly IActorRefCodec _refs;
    private readonly FrozenDictionary<Type, string> _manifests;

    /// <summary>Creates a serializer for the codecs <paramref name="register"/> puts in its registry.</summary>
    /// <param name="system">The actor system, which resolves actor references inside messages.</param>
    /// <param name="register">Registers every codec this serializer writes and reads, nested messages included.</param>
    protected WireSerializer(ExtendedActorSystem system, Action<CodecRegistry> register)
        : base(system)
    {
        ArgumentNullException.ThrowIfNull(register);
        _registry = new CodecRegistry();
        register(_registry);
        _registry.Freeze();
        _refs = new AkkaActorRefCodec(system);
        _manifests = _registry.Types.ToFrozenDictionary(t => t, t => _registry.TryGetCodec(t, out var id, out _)
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No id for {t}."));
    }

    /// <summary>Gets the message types this serializer writes, for its bindings and their tests.</summary>
    public IReadOnlyCollection<Type> MessageTypes => _manifests.Keys;

    /// <inheritdoc />
    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return _manifests.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new ArgumentException($"{GetType().Name} has no codec for {o.GetType().FullName}; bind that type to another serializer.", nameof(o));
    }

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (!_registry.TryGetCodec(obj.GetType(), out _, out var codec))
        {
            throw new ArgumentException($"{GetType().Name} has no codec for {obj.GetType().FullName}; bind that type to another serializer.", nameof(obj));
        }

        var buffer = ScratchBuffer.Rent();
        try
        {
            var writer = new WireWriter(buffer, _refs, _registry);
            codec.WriteObject(ref writer, obj);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            ScratchBuffer.Return(buffer);
        }
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!int.TryParse(manifest, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !_registry.TryGetCodec(id, out var codec))
        {
            throw new System.Runtime.Serialization.SerializationException(
                $"{GetType().Name} has no message with manifest '{manifest}': the peer runs another AkkaRpc protocol version.");
        }

        try
        {
            var reader = new WireReader(new ReadOnlySequence<byte>(bytes), _refs, registry: _registry);
            var message = codec.ReadObject(ref reader);
            if (!reader.End)
            {
                throw new WireFormatException($"{reader.Remaining} bytes follow the end of a {codec.MessageType.Name}.");
            }

            return message;
        }
        catch (WireFormatException e)
        {
            throw new System.Runtime.Serialization.SerializationException($"A {codec.MessageType.Name} (manifest {manifest}) did not decode: {e.Message}", e);
        }
    }
}
