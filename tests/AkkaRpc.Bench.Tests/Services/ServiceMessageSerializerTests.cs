using System.Runtime.Serialization;
using Akka.Actor;
using AkkaRpc.Bench.Services.Actors;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Services;

public sealed class ServiceMessageSerializerTests() : AkkaRpcTestKit(ServiceActorConfig.Serialization)
{
    public static TheoryData<object> Messages => new()
    {
        new EchoCall(new byte[] { 1, 2, 3 }),
        new ComputeCall(long.MinValue, 42),
        new ComputeResult(-7),
        new UploadCall(Array.Empty<byte>()),
        new LengthReply(1024),
        new DownloadCall(65536),
        new PayloadReply(new byte[] { 9, 8 }),
        new CallRefused("A download asks for 0 to 4194304 bytes, not -1."),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryMessage_IsBoundToTheServiceSerializer_AndComesBackEqual(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<ServiceMessageSerializer>(serializer);
        Assert.Equal(ServiceMessageSerializer.Id, serializer.Identifier);

        var back = Sys.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));

        Assert.Equal(Describe(message), Describe(back));
    }

    [Fact]
    public void AnUnknownManifest_OrAMalformedBody_IsAClearError_AndTheNextMessageStillReads()
    {
        var serializer = new ServiceMessageSerializer((ExtendedActorSystem)Sys);

        var unknown = Assert.Throws<SerializationException>(() => serializer.FromBinary([], "zz"));
        Assert.Contains("'zz' is not an echo service message", unknown.Message, StringComparison.Ordinal);
        var truncated = Assert.Throws<SerializationException>(() => serializer.FromBinary([10, 0, 0, 0, 1, 2], serializer.Manifest(new EchoCall(Array.Empty<byte>()))));
        Assert.Contains("malformed", truncated.Message, StringComparison.Ordinal);
        var shortNumber = Assert.Throws<SerializationException>(() => serializer.FromBinary([1, 2, 3], serializer.Manifest(new ComputeCall(1, 2))));
        Assert.Contains("16 bytes", shortNumber.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => serializer.ToBinary("not a service message"));

        var call = new ComputeCall(40, 2);
        Assert.Equal(call, serializer.FromBinary(serializer.ToBinary(call), serializer.Manifest(call)));
    }

    // Payloads are compared by content: ReadOnlyMemory compares by reference.
    private static string Describe(object message) => message switch
    {
        EchoCall m => "echo " + Convert.ToHexString(m.Data.Span),
        UploadCall m => "upload " + Convert.ToHexString(m.Data.Span),
        PayloadReply m => "payload " + Convert.ToHexString(m.Data.Span),
        _ => message.ToString()!,
    };
}
