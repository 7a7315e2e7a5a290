using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Remote.Serialization;
using Akka.Serialization;

namespace AkkaRpc.Transport;

/// <summary>
/// Akka.Remote's misc-message serializer (id 16, wrapped: the class is sealed) that, under <c>akka.remote.untrusted-mode = on</c>, refuses to
/// deserialize a <see cref="Kill"/> coming from another process. Akka.NET 1.5.73's <see cref="Kill"/> is not
/// <see cref="IPossiblyHarmful"/> (its <see cref="PoisonPill"/> is), so untrusted mode lets a remote Kill through, by
/// reference or by a trusted selection. Refusing it here makes Akka.Remote's endpoint reader log a transient
/// serialization error and drop the message, association intact. Everything else, and every Kill when untrusted mode
/// is off, deserializes exactly as the base class does. Our reference config binds it as <c>akka-misc</c>.
/// </summary>
internal sealed class UntrustedMiscMessageSerializer : SerializerWithStringManifest
{
    // MiscMessageSerializer's manifest for Kill.
    private const string KillManifest = "K";

    private readonly MiscMessageSerializer _inner;
    private readonly bool _untrusted;

    public UntrustedMiscMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
        _inner = new MiscMessageSerializer(system);
        _untrusted = system.Settings.Config.GetBoolean("akka.remote.untrusted-mode", false);
    }

    /// <inheritdoc />
    public override int Identifier => _inner.Identifier;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => _inner.ToBinary(obj);

    /// <inheritdoc />
    public override string Manifest(object o) => _inner.Manifest(o);

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (_untrusted && manifest == KillManifest)
        {
            throw new SerializationException("A remote Kill is refused: this system runs with akka.remote.untrusted-mode = on.");
        }

        return _inner.FromBinary(bytes, manifest);
    }
}
