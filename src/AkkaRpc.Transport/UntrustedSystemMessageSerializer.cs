using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Dispatch.SysMsg;
using Akka.Remote.Serialization;
using Akka.Serialization;

namespace AkkaRpc.Transport;

/// <summary>
/// Akka.Remote's system-message serializer (wrapped: the class is sealed) that, under
/// <c>akka.remote.untrusted-mode = on</c>, lets in from another process only what remote death watch needs
/// (<see cref="Watch"/>, <see cref="Unwatch"/>, <see cref="DeathWatchNotification"/>). Untrusted mode drops
/// <c>PossiblyHarmful</c> messages but still delivers a peer's system messages to any actor it holds a reference to, so
/// a client could otherwise <see cref="Suspend"/> the databases' supervisor or <see cref="Recreate"/> an owner (rolling
/// back another client's transaction). Refusing them makes Akka.Remote's endpoint reader log a transient
/// serialization error and drop the message, association intact. With untrusted mode off it is the base class.
/// Our reference config binds it as <c>akka-system-msg</c>.
/// </summary>
internal sealed class UntrustedSystemMessageSerializer : Serializer
{
    private readonly SystemMessageSerializer _inner;
    private readonly bool _untrusted;

    public UntrustedSystemMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
        _inner = new SystemMessageSerializer(system);
        _untrusted = system.Settings.Config.GetBoolean("akka.remote.untrusted-mode", false);
    }

    /// <inheritdoc />
    public override int Identifier => _inner.Identifier;

    /// <inheritdoc />
    public override bool IncludeManifest => _inner.IncludeManifest;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj) => _inner.ToBinary(obj);

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, Type type)
    {
        var message = _inner.FromBinary(bytes, type);
        return !_untrusted || message is Watch or Unwatch or DeathWatchNotification
            ? message
            : throw new SerializationException($"A remote {message.GetType().Name} is refused: this system runs with akka.remote.untrusted-mode = on, which lets in only death watch.");
    }
}
