namespace AkkaRpc.Protocol.Tests;

public sealed class CodecRegistryTests
{
    [Fact]
    public void Register_ADuplicateId_IsRejected()
    {
        var registry = new CodecRegistry();
        registry.Register(1000, new PointCodec());

        var error = Assert.Throws<ArgumentException>(() => registry.Register(1000, new LabelCodec()));
        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_ADuplicateType_IsRejected()
    {
        var registry = new CodecRegistry();
        registry.Register(1000, new PointCodec());

        var error = Assert.Throws<ArgumentException>(() => registry.Register(1001, new PointCodec()));
        Assert.Contains(nameof(Point), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Register_AnIdBelowOne_IsRejected(int id)
    {
        var registry = new CodecRegistry();

        Assert.Throws<ArgumentOutOfRangeException>(() => registry.Register(id, new PointCodec()));
    }

    [Fact]
    public void Register_IntMaxValue_IsAllowed()
    {
        var registry = new CodecRegistry();

        registry.Register(int.MaxValue, new PointCodec());

        Assert.True(registry.TryGetCodec(int.MaxValue, out _));
    }

    [Fact]
    public void Lookups_OfUnknownIdsAndTypes_Fail()
    {
        var registry = new CodecRegistry();
        registry.Register(1000, new LabelCodec());
        registry.Freeze();

        Assert.False(registry.TryGetCodec(999, out var byId));
        Assert.Null(byId);
        Assert.False(registry.TryGetCodec(typeof(Point), out var id, out var byType));
        Assert.Equal(0, id);
        Assert.Null(byType);
    }

    [Fact]
    public void Lookups_MatchTheExactTypeOnly()
    {
        var registry = new CodecRegistry();
        registry.Register(1000, new ShapeCodec());

        Assert.True(registry.TryGetCodec(typeof(Shape), out _, out _));
        Assert.False(registry.TryGetCodec(typeof(Circle), out _, out _));
        Assert.Throws<InvalidOperationException>(() => ProtocolWire.EncodeMessage(new Circle(), registry));
    }

    [Fact]
    public void Lookups_FindTheSameEntryByIdAndByType_BeforeAndAfterFreezing()
    {
        var registry = new CodecRegistry();
        var codec = new PointCodec();
        registry.Register(1234, codec);

        AssertFound();
        registry.Freeze();
        AssertFound();

        void AssertFound()
        {
            Assert.True(registry.TryGetCodec(typeof(Point), out var id, out var byType));
            Assert.Equal(1234, id);
            Assert.Same(codec, byType);
            Assert.True(registry.TryGetCodec(1234, out var byId));
            Assert.Same(codec, byId);
        }
    }

    [Fact]
    public void Register_AfterFreeze_Throws_AndFreezeAgainDoesNothing()
    {
        var registry = new CodecRegistry();
        registry.Freeze();
        registry.Freeze();

        Assert.Throws<InvalidOperationException>(() => registry.Register(1000, new PointCodec()));
        Assert.False(registry.TryGetCodec(1000, out _));
    }

    [Fact]
    public void ApplicationCodecs_TravelAsNestedMessages_InsideOurs()
    {
        var registry = new CodecRegistry();
        DatabaseMessageSerializer.Register(registry);
        registry.Register(1000, new PointCodec());
        registry.Freeze();

        var decoded = ProtocolWire.DecodeMessage(ProtocolWire.EncodeMessage(new Point(-3, 4), registry), registry);

        Assert.Equal(new Point(-3, 4), decoded);
    }

    [Fact]
    public void ACodec_GivenAnotherType_RefusesIt()
    {
        IMessageCodec codec = new PointCodec();

        Assert.Throws<ArgumentException>(() => ProtocolWire.Encode(o =>
        {
            var writer = new WireWriter(o);
            codec.WriteObject(ref writer, "not a point");
        }));
    }

    private sealed record Point(int X, int Y);

    private record Shape;

    private sealed record Circle : Shape;

    private sealed class PointCodec : MessageCodec<Point>
    {
        public override void Write(ref WireWriter writer, Point message)
        {
            writer.WriteVarInt32(message.X);
            writer.WriteVarInt32(message.Y);
        }

        public override Point Read(ref WireReader reader)
        {
            var x = reader.ReadVarInt32();
            return new Point(x, reader.ReadVarInt32());
        }
    }

    private sealed class LabelCodec : MessageCodec<string>
    {
        public override void Write(ref WireWriter writer, string message) => writer.WriteString(message);

        public override string Read(ref WireReader reader) => reader.ReadString() ?? string.Empty;
    }

    private sealed class ShapeCodec : MessageCodec<Shape>
    {
        public override void Write(ref WireWriter writer, Shape message)
        {
        }

        public override Shape Read(ref WireReader reader) => new();
    }
}
