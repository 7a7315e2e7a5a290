using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Remote.Tests.Serialization;

public sealed class KernelCodecsTests
{
    public static TheoryData<object> ValueMessages => new()
    {
        "text",
        string.Empty,
        "naïve 日本 🦀\0",
        0,
        int.MinValue,
        int.MaxValue,
        0L,
        long.MinValue,
        long.MaxValue,
        0.0,
        -0.0,
        double.PositiveInfinity,
        double.NegativeInfinity,
        double.Epsilon,
        true,
        false,
        new Identify(null),
        new Identify(42),
        new Identify("correlation"),
        new Status.Success(null),
        new Status.Success(7L),
        new Status.Success(new Status.Success("nested twice")),
        new Status.Success(new Identify(true)),
        new ActorIdentity(null, null),
        new ActorIdentity(17, PathActorRef.Parse("akkarpc.tcp://Sys@127.0.0.1:4053/user/databases/orders")),
        new ActorIdentity("id", PathActorRef.Parse("akkarpc.unix://Sys@/tmp/akkarpc.sock/user/a")),
    };

    [Theory]
    [MemberData(nameof(ValueMessages))]
    public void ValueMessages_RoundTripToAnEqualMessage_FromOneSegmentAndFromManySegments(object message)
    {
        var bytes = Wire.EncodeMessage(message);

        Assert.Equal(message, Wire.DecodeMessage(bytes));
        Assert.Equal(message, Wire.DecodeMessage(bytes, segmented: true));
    }

    [Fact]
    public void DoubleMessage_KeepsNaNPayloadBits()
    {
        var nan = BitConverter.Int64BitsToDouble(0x7FF0_0000_DEAD_BEEF);

        var decoded = (double)Wire.DecodeMessage(Wire.EncodeMessage(nan))!;

        Assert.Equal(0x7FF0_0000_DEAD_BEEFL, BitConverter.DoubleToInt64Bits(decoded));
    }

    [Fact]
    public void BytesMessage_RoundTrips_EmptyAndNonEmpty()
    {
        Assert.Equal(Array.Empty<byte>(), Wire.DecodeMessage(Wire.EncodeMessage(Array.Empty<byte>())));
        Assert.Equal(new byte[] { 0, 1, 255 }, Wire.DecodeMessage(Wire.EncodeMessage(new byte[] { 0, 1, 255 })));
    }

    [Fact]
    public void PoisonPillAndKill_DecodeToTheirSingletons()
    {
        Assert.Same(PoisonPill.Instance, Wire.DecodeMessage(Wire.EncodeMessage(PoisonPill.Instance)));
        Assert.Same(Kill.Instance, Wire.DecodeMessage(Wire.EncodeMessage(Kill.Instance)));
    }

    [Fact]
    public void NullMessage_IsTheSingleByteZero()
    {
        Assert.Equal(new byte[] { 0 }, Wire.EncodeMessage(null));
        Assert.Null(Wire.DecodeMessage([0]));
    }

    [Fact]
    public void ExactBytes_ArePinned_ForSmallKernelMessages()
    {
        // id, payload length, payload
        Assert.Equal(new byte[] { 0x05, 0x00 }, Wire.EncodeMessage(PoisonPill.Instance));
        Assert.Equal(new byte[] { 0x06, 0x00 }, Wire.EncodeMessage(Kill.Instance));
        Assert.Equal(new byte[] { 0x01, 0x01, 0x00 }, Wire.EncodeMessage(new Identify(null)));
        Assert.Equal(new byte[] { 0x0B, 0x01, 0x54 }, Wire.EncodeMessage(42));
        Assert.Equal(new byte[] { 0x0A, 0x03, 0x03, (byte)'o', (byte)'k' }, Wire.EncodeMessage("ok"));

        // Success(42): the value is itself id 11 with a one-byte payload.
        Assert.Equal(new byte[] { 0x03, 0x03, 0x0B, 0x01, 0x54 }, Wire.EncodeMessage(new Status.Success(42)));

        // ActorIdentity(null, null): a null message id, then the reference codec's null string.
        Assert.Equal(new byte[] { 0x02, 0x02, 0x00, 0x00 }, Wire.EncodeMessage(new ActorIdentity(null, null)));
    }

    [Fact]
    public void AFrame_WithBytesAfterItsMessage_IsRejected()
    {
        var error = Assert.Throws<WireFormatException>(() => Wire.DecodeMessage([0x05, 0x00, 0x00]));

        Assert.Contains("exactly one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActorIdentity_CarriesItsSubjectThroughTheConnectionsReferenceCodec()
    {
        var subject = PathActorRef.Parse("akkarpc.tcp://Sys@127.0.0.1:4053/user/databases/orders");

        var decoded = (ActorIdentity)Wire.DecodeMessage(Wire.EncodeMessage(new ActorIdentity("q1", subject)))!;

        Assert.Equal("q1", decoded.MessageId);
        Assert.NotNull(decoded.Subject);
        Assert.Equal(subject.Path, decoded.Subject.Path);
    }

    [Fact]
    public void StatusFailure_CrossesAsText_AndArrivesAsRemoteException()
    {
        var cause = new InvalidOperationException("outer failed", new ArgumentException("inner failed", new TimeoutException("root")));

        var decoded = (Status.Failure)Wire.DecodeMessage(Wire.EncodeMessage(new Status.Failure(cause)))!;

        var remote = Assert.IsType<RemoteException>(decoded.Cause);
        Assert.Equal("System.InvalidOperationException", remote.RemoteExceptionType);
        Assert.Equal("outer failed", remote.Message);
        Assert.Equal("System.ArgumentException: inner failed\nSystem.TimeoutException: root", remote.RemoteInnerExceptions);
        Assert.Null(remote.InnerException);
    }

    [Fact]
    public void StatusFailure_RelayedAgain_KeepsTheOriginalRemoteTypeName()
    {
        var first = (Status.Failure)Wire.DecodeMessage(Wire.EncodeMessage(new Status.Failure(new KeyNotFoundException("gone"))))!;

        var second = (Status.Failure)Wire.DecodeMessage(Wire.EncodeMessage(first))!;

        var remote = Assert.IsType<RemoteException>(second.Cause);
        Assert.Equal("System.Collections.Generic.KeyNotFoundException", remote.RemoteExceptionType);
        Assert.Equal("gone", remote.Message);
        Assert.Null(remote.RemoteInnerExceptions);
    }

    [Fact]
    public void NestedMessage_OfAnUnregisteredType_IsAClearMisuseError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Wire.EncodeMessage(new Status.Success(new Uri("http://x"))));

        Assert.Contains("System.Uri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedMessage_WithoutARegistry_IsAClearMisuseError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Wire.Encode(o => new WireWriter(o).WriteMessage(1)));

        Assert.Contains("CodecRegistry", error.Message, StringComparison.Ordinal);
    }
}
