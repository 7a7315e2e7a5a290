using Akka.Actor;
using AkkaRpc.Protocol.Serialization;

namespace AkkaRpc.Services.Serialization;

/// <summary>
/// Akka serializer <see cref="Id"/> for the services' own messages (resolving, sessions, cancellation, errors), under the
/// manifests of <see cref="ServiceWireIds"/>. A service's calls and results have serializers of their own, generated.
/// </summary>
public sealed class ServiceMessageSerializer(ExtendedActorSystem system) : WireSerializer(system, Register)
{
    /// <summary>The serializer's fixed Akka identifier.</summary>
    public const int Id = 7304;

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <summary>Gets the message types this serializer is bound to.</summary>
    internal static IReadOnlyList<Type> Types { get; } =
    [
        typeof(ResolveService), typeof(OpenSession), typeof(CloseSession), typeof(CancelCall), typeof(ServiceResolved),
        typeof(ServiceNotFound), typeof(ServiceDone), typeof(ServiceFailed), typeof(ServiceBusy), typeof(ServiceNotRun),
        typeof(ServiceCallExpired), typeof(ServiceRefused), typeof(SessionOpened), typeof(SessionClosed), typeof(SessionNotFound),
    ];

    private static void Register(CodecRegistry r)
    {
        r.Register(ServiceWireIds.ResolveService, new Codec<ResolveService>((ref WireWriter w, ResolveService m) => w.WriteString(m.Name), (ref WireReader rd) => new ResolveService(ServiceWire.ReadRequiredString(ref rd))));
        r.Register(ServiceWireIds.OpenSession, new Codec<OpenSession>(
            (ref WireWriter w, OpenSession m) => { ServiceWire.WriteHeader(ref w, m); w.WriteTimeSpan(m.Lease); },
            (ref WireReader rd) => { var header = ServiceWire.ReadHeader(ref rd); return ServiceWire.Attach(new OpenSession(rd.ReadTimeSpan()), header); }));
        r.Register(ServiceWireIds.CloseSession, new Codec<CloseSession>(
            (ref WireWriter w, CloseSession m) => { ServiceWire.WriteHeader(ref w, m); w.WriteVarInt64(m.SessionId); },
            (ref WireReader rd) => { var header = ServiceWire.ReadHeader(ref rd); return ServiceWire.Attach(new CloseSession(rd.ReadVarInt64()), header); }));
        r.Register(ServiceWireIds.CancelCall, new Codec<CancelCall>(
            (ref WireWriter w, CancelCall m) => { w.WriteActorRef(m.Caller); w.WriteVarInt64(m.CallId); },
            (ref WireReader rd) => new CancelCall(rd.ReadActorRef() ?? ActorRefs.Nobody, rd.ReadVarInt64())));
        r.Register(ServiceWireIds.ServiceResolved, new Codec<ServiceResolved>((ref WireWriter w, ServiceResolved m) => w.WriteActorRef(m.Service), (ref WireReader rd) => new ServiceResolved(rd.ReadActorRef() ?? ActorRefs.Nobody)));
        r.Register(ServiceWireIds.ServiceNotFound, new Codec<ServiceNotFound>((ref WireWriter w, ServiceNotFound m) => w.WriteString(m.Name), (ref WireReader rd) => new ServiceNotFound(ServiceWire.ReadRequiredString(ref rd))));
        r.Register(ServiceWireIds.ServiceDone, new Codec<ServiceDone>((ref WireWriter _, ServiceDone _) => { }, (ref WireReader _) => ServiceDone.Instance));
        r.Register(ServiceWireIds.ServiceFailed, new Codec<ServiceFailed>(
            (ref WireWriter w, ServiceFailed m) => { w.WriteString(m.TypeName); w.WriteString(m.Message); w.WriteString(m.RemoteStackTrace); w.WriteVarInt32(m.DeclaredIndex); },
            (ref WireReader rd) => new ServiceFailed(ServiceWire.ReadRequiredString(ref rd), ServiceWire.ReadRequiredString(ref rd), rd.ReadString(), rd.ReadVarInt32())));
        r.Register(ServiceWireIds.ServiceBusy, new Codec<ServiceBusy>((ref WireWriter w, ServiceBusy m) => w.WriteVarInt32(m.QueueLimit), (ref WireReader rd) => new ServiceBusy(rd.ReadVarInt32())));
        r.Register(ServiceWireIds.ServiceNotRun, new Codec<ServiceNotRun>((ref WireWriter w, ServiceNotRun m) => w.WriteString(m.Reason), (ref WireReader rd) => new ServiceNotRun(ServiceWire.ReadRequiredString(ref rd))));
        r.Register(ServiceWireIds.ServiceCallExpired, new Codec<ServiceCallExpired>((ref WireWriter w, ServiceCallExpired m) => w.WriteTimeSpan(m.TimeLimit), (ref WireReader rd) => new ServiceCallExpired(rd.ReadTimeSpan())));
        r.Register(ServiceWireIds.ServiceRefused, new Codec<ServiceRefused>((ref WireWriter w, ServiceRefused m) => w.WriteString(m.Reason), (ref WireReader rd) => new ServiceRefused(ServiceWire.ReadRequiredString(ref rd))));
        r.Register(ServiceWireIds.SessionOpened, new Codec<SessionOpened>(
            (ref WireWriter w, SessionOpened m) => { w.WriteVarInt64(m.SessionId); w.WriteTimeSpan(m.Lease); },
            (ref WireReader rd) => new SessionOpened(rd.ReadVarInt64(), rd.ReadTimeSpan())));
        r.Register(ServiceWireIds.SessionClosed, new Codec<SessionClosed>((ref WireWriter w, SessionClosed m) => w.WriteVarInt64(m.SessionId), (ref WireReader rd) => new SessionClosed(rd.ReadVarInt64())));
        r.Register(ServiceWireIds.SessionNotFound, new Codec<SessionNotFound>(
            (ref WireWriter w, SessionNotFound m) => { w.WriteVarInt64(m.SessionId); w.WriteBool(m.Expired); },
            (ref WireReader rd) => new SessionNotFound(rd.ReadVarInt64(), rd.ReadBool())));
    }

    private delegate void Writer<in T>(ref WireWriter writer, T message);

    private delegate T Reader<out T>(ref WireReader reader);

    private sealed class Codec<T>(Writer<T> write, Reader<T> read) : MessageCodec<T>
        where T : notnull
    {
        public override void Write(ref WireWriter writer, T message) => write(ref writer, message);

        public override T Read(ref WireReader reader) => read(ref reader);
    }
}
