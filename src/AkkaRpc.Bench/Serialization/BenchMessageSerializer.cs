using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using AkkaRpc.Bench.Protocol;

namespace AkkaRpc.Bench.Serialization;

/// <summary>
/// The Akka serializer of the worker protocol (identifier 7303, from <c>akka.actor.serialization-identifiers</c>):
/// a short fixed manifest per message and the binary layout of <see cref="BenchWireFormat"/>, so no message of the
/// protocol is ever written by Akka's default (Newtonsoft) serializer or names a .NET type on the wire.
/// </summary>
/// <remarks>Akka creates it by name from <c>akka.actor.serializers</c> (see <see cref="BenchSerialization"/>).</remarks>
internal sealed class BenchMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The fixed identifier (the range MIGRATION.md gives the bench worker); Akka reserves 0–100.</summary>
    public const int Id = 7303;

    /// <inheritdoc/>
    public override string Manifest(object o) => o switch
    {
        RegisterWorker => BenchManifests.RegisterWorker,
        WorkerRegistered => BenchManifests.WorkerRegistered,
        RunShare => BenchManifests.RunShare,
        ShareCompleted => BenchManifests.ShareCompleted,
        WorkerDismissed => BenchManifests.WorkerDismissed,
        _ => throw Unknown(o),
    };

    /// <inheritdoc/>
    public override byte[] ToBinary(object obj)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            switch (obj)
            {
                case RegisterWorker m: BenchWireFormat.Write(writer, m); break;
                case WorkerRegistered m: BenchWireFormat.Write(writer, m); break;
                case RunShare m: BenchWireFormat.Write(writer, m); break;
                case ShareCompleted m: BenchWireFormat.Write(writer, m); break;
                case WorkerDismissed m: BenchWireFormat.Write(writer, m); break;
                default: throw Unknown(obj);
            }
        }

        return stream.ToArray();
    }

    /// <inheritdoc/>
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BenchWireReader(bytes);
        object message = manifest switch
        {
            BenchManifests.RegisterWorker => BenchWireFormat.ReadRegisterWorker(reader),
            BenchManifests.WorkerRegistered => BenchWireFormat.ReadWorkerRegistered(reader),
            BenchManifests.RunShare => BenchWireFormat.ReadRunShare(reader),
            BenchManifests.ShareCompleted => BenchWireFormat.ReadShareCompleted(reader),
            BenchManifests.WorkerDismissed => BenchWireFormat.ReadWorkerDismissed(reader),
            _ => throw new SerializationException(
                $"Manifest '{manifest}' is not a bench worker message of serializer {Id}; expected one of " +
                $"{BenchManifests.RegisterWorker}, {BenchManifests.WorkerRegistered}, {BenchManifests.RunShare}, {BenchManifests.ShareCompleted}, {BenchManifests.WorkerDismissed}."),
        };
        reader.End($"Bench message '{manifest}'");
        return message;
    }

    private static ArgumentException Unknown(object? o) =>
        new($"{o?.GetType().Name ?? "null"} is not a bench worker message; serializer {Id} writes only those.", nameof(o));
}
