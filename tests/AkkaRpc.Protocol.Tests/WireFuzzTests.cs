using System.Buffers;

namespace AkkaRpc.Protocol.Tests;

public sealed class WireFuzzTests
{
    private const int Inputs = 50_000;

    [Fact]
    public void MutatedAndRandomInputs_EitherDecodeOrThrowWireFormatException()
    {
        var random = new Random(20_261_124);
        var samples = SampleMessages.All()
            .Where(m => m is not QueryResult { Rows.Count: > 8 } and not Query { Parameters.Values.Count: > 8 }) // keep inputs small, so mutations hit structure
            .Concat(Enumerable.Range(0, 100).Select(_ => RandomQueryResult(random)))
            .Select(ProtocolWire.Encode)
            .ToArray();
        int decoded = 0;
        int rejected = 0;

        for (var i = 0; i < Inputs; i++)
        {
            var input = i % 10 == 0 ? RandomInput(random) : Mutate(random, samples[random.Next(samples.Length)]);
            try
            {
                ProtocolWire.Decode(input);
                decoded++;
            }
            catch (WireFormatException)
            {
                rejected++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"Input {Convert.ToHexString(input)} threw {ex.GetType().Name} instead of WireFormatException: {ex}");
            }
        }

        Assert.True(decoded > Inputs / 100, $"only {decoded} inputs decoded; the mutations are too harsh to reach deep code");
        Assert.True(rejected > Inputs / 10, $"only {rejected} inputs were rejected; the mutations are too gentle");
    }

    [Fact]
    public void CodecReads_OfMutatedPayloads_OnlyThrowWireFormatException()
    {
        var random = new Random(20_261_125);
        var payloads = SampleMessages.All()
            .Select(m => (Codec: Codec(m.GetType()), Payload: PayloadOf(m)))
            .Where(p => p.Payload.Length < 512)
            .ToArray();

        for (var i = 0; i < Inputs / 5; i++)
        {
            var (codec, payload) = payloads[random.Next(payloads.Length)];
            var input = Mutate(random, payload);
            try
            {
                var reader = new WireReader(new ReadOnlySequence<byte>(input), ProtocolWire.Refs, registry: ProtocolWire.Registry);
                codec.ReadObject(ref reader);
            }
            catch (WireFormatException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"{codec.MessageType.Name} payload {Convert.ToHexString(input)} threw {ex.GetType().Name}: {ex}");
            }
        }
    }

    private static IMessageCodec Codec(Type type)
    {
        Assert.True(ProtocolWire.Registry.TryGetCodec(type, out _, out var codec));
        return codec;
    }

    // The payload alone: what a codec reads, without the id and length that WriteMessage puts before it.
    private static byte[] PayloadOf(object message)
    {
        var bytes = ProtocolWire.Encode(message);
        var reader = new WireReader(new ReadOnlySequence<byte>(bytes));
        reader.ReadVarUInt32();
        reader.ReadVarUInt32();
        return bytes[(int)reader.Consumed..];
    }

    private static QueryResult RandomQueryResult(Random random)
    {
        var width = random.Next(1, 4);
        var rows = Enumerable.Range(0, random.Next(0, 4))
            .Select(_ => Enumerable.Range(0, width).Select(_ => SampleMessages.EdgeValues[random.Next(SampleMessages.EdgeValues.Length)]).Where(v => v.Kind != SqlValueKind.Text || v.AsText().Length < 100).Take(width).ToArray())
            .Where(row => row.Length == width)
            .ToArray();
        return new QueryResult(
            Enumerable.Range(0, width).Select(i => new ColumnInfo("c" + i, random.Next(2) == 0 ? null : "INT")).ToArray(),
            rows,
            random.Next(2) == 0 ? null : random.NextInt64());
    }

    // Random bytes behind a real database id, so the fuzzing reaches the codecs and not only the id lookup.
    private static byte[] RandomInput(Random random)
    {
        var bytes = new byte[random.Next(2, 48)];
        random.NextBytes(bytes);
        var id = random.Next(200, 264);
        bytes[0] = (byte)(0x80 | (id & 0x7F));
        bytes[1] = (byte)(id >> 7);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = valid.ToList();
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0:
                    var cut = random.Next(bytes.Count);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
                case 2:
                    bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Range(0, random.Next(1, 6)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] = random.Next(2) == 0 ? (byte)0xFF : (byte)0x7F;
                    break;
                case 4 when bytes.Count > 1:
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        var at = random.Next(bytes.Count);
                        bytes[at] ^= (byte)(1 << random.Next(8));
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
