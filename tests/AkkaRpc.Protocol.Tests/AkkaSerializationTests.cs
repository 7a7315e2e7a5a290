using System.Runtime.Serialization;
using Akka.Serialization;

namespace AkkaRpc.Protocol.Tests;

/// <summary>What Akka itself does with our messages once <see cref="ProtocolConfig.Serialization"/> is in a system's config.</summary>
public sealed class AkkaSerializationTests
{
    public static TheoryData<object> Messages => new(SampleMessages.All().Concat(NodeSamples()));

    private static Akka.Serialization.Serialization Serialization => ProtocolWire.System.Serialization;

    [Theory]
    [MemberData(nameof(Messages))]
    public void Akka_PicksOurSerializer_ForEveryMessage_NeverNewtonsoft(object message)
    {
        var serializer = Serialization.FindSerializerFor(message);

        Assert.IsAssignableFrom<WireSerializer>(serializer);
        Assert.Contains(serializer.Identifier, new[] { DatabaseMessageSerializer.Id, NodeMessageSerializer.Id });
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryMessage_RoundTrips_ThroughAkkasSerializationApi_UnderANumericManifest(object message)
    {
        var serializer = (SerializerWithStringManifest)Serialization.FindSerializerFor(message);
        var manifest = serializer.Manifest(message);
        var bytes = serializer.ToBinary(message);

        var decoded = Serialization.Deserialize(bytes, serializer.Identifier, manifest);

        Assert.True(int.TryParse(manifest, out _), $"manifest '{manifest}' names no .NET type");
        Assert.Equal(message.GetType(), decoded.GetType());
        Assert.Equal(bytes, serializer.ToBinary(decoded));
    }

    [Fact]
    public void EveryConcreteMessageType_IsBound_AndCoveredByTheSamples()
    {
        var concrete = typeof(DatabaseRequest).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.Namespace == typeof(DatabaseRequest).Namespace && t.IsAssignableTo(typeof(IEquatable<>).MakeGenericType(t)))
            .Where(t => ProtocolConfig.Bindings.Keys.Any(b => b.IsAssignableFrom(t)))
            .ToHashSet();
        var serializers = new WireSerializer[]
        {
            (WireSerializer)Serialization.FindSerializerForType(typeof(Query)),
            (WireSerializer)Serialization.FindSerializerForType(typeof(GetNodeStatus)),
        };

        var written = serializers.SelectMany(s => s.MessageTypes).ToHashSet();
        Assert.Subset(written, concrete);
        Assert.Empty(written.Where(t => !ProtocolConfig.Bindings.Keys.Any(b => b.IsAssignableFrom(t))).Select(t => t.Name));
        Assert.Empty(concrete.Except(SampleMessages.All().Concat(NodeSamples()).Select(m => m.GetType())).Select(t => t.Name));
    }

    [Fact]
    public void AnUnknownManifest_IsAClearSerializationError()
    {
        var serializer = Serialization.FindSerializerForType(typeof(Query));

        var error = Assert.Throws<SerializationException>(() => Serialization.Deserialize([], serializer.Identifier, "999"));
        Assert.Contains("'999'", error.Message, StringComparison.Ordinal);
        Assert.Contains("protocol version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedPayload_IsASerializationError_NamingTheMessage()
    {
        var serializer = Serialization.FindSerializerForType(typeof(Query));

        // Commit's only field, the transaction id, is missing; then a Ping with a trailing byte.
        var truncated = Assert.Throws<SerializationException>(() => Serialization.Deserialize([], serializer.Identifier, WireIds.Commit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var trailing = Assert.Throws<SerializationException>(() => Serialization.Deserialize([0], serializer.Identifier, WireIds.Ping.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains("Commit", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("Ping", trailing.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<object> NodeSamples()
    {
        yield return GetNodeStatus.Instance;
        yield return new StopNode("akkarpc stop");
        yield return new NodeStopping(42);
        yield return new NodeStatus("AkkaRpc", 42, ["akka.rpc.tcp://AkkaRpc@127.0.0.1:4053"], DateTimeOffset.UnixEpoch, 3, TimeSpan.FromMinutes(5),
            [new DatabaseStatus("orders", DatabaseState.Open, 2, null)]);
    }
}
