using System.Diagnostics;
using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Remote.Tests.Serialization;

public sealed class KernelWireFuzzTests
{
    private const int Inputs = 50_000;

    [Fact]
    public void MutatedAndRandomInputs_EitherDecodeOrThrowWireFormatException()
    {
        var random = new Random(20_261_123);
        var samples = Enumerable.Range(0, 200).Select(_ => Wire.EncodeMessage(RandomMessage(random, 0))).ToArray();
        var stopwatch = Stopwatch.StartNew();
        int decoded = 0;
        int rejected = 0;

        for (var i = 0; i < Inputs; i++)
        {
            var input = i % 10 == 0 ? RandomBytes(random) : WireFuzzing.Mutate(random, samples[random.Next(samples.Length)]);
            try
            {
                Wire.DecodeMessage(input);
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

        Assert.Equal(Inputs, decoded + rejected);
        Assert.True(rejected > Inputs / 10, $"only {rejected} inputs were rejected; the mutations are too gentle");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"fuzzing took {stopwatch.Elapsed}");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static object? RandomMessage(Random random, int depth) => random.Next(depth > 3 ? 9 : 14) switch
    {
        0 => (object?)null,
        1 => RandomString(random),
        2 => random.Next(int.MinValue, int.MaxValue),
        3 => random.NextInt64(long.MinValue, long.MaxValue),
        4 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)),
        5 => random.Next(2) == 0,
        6 => RandomBytes(random),
        7 => PoisonPill.Instance,
        8 => Kill.Instance,
        9 => new Identify(RandomMessage(random, depth + 1)),
        10 => new Status.Success(RandomMessage(random, depth + 1)),
        11 => new Status.Failure(new InvalidOperationException(RandomString(random))),
        12 => new ActorIdentity(RandomMessage(random, depth + 1), null),
        _ => new ActorIdentity(RandomMessage(random, depth + 1), PathActorRef.Parse($"akkarpc.tcp://Sys@host:{random.Next(1, 65535)}/user/a{random.Next(100)}")),
    };

    private static string RandomString(Random random)
    {
        const string alphabet = "ab\0é日🦀";
        var length = random.Next(0, 20);
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
        {
            var start = random.Next(alphabet.Length);
            text.Append(char.IsHighSurrogate(alphabet[start]) ? alphabet.AsSpan(start, 2) : char.IsLowSurrogate(alphabet[start]) ? "x" : alphabet.AsSpan(start, 1));
        }

        return text.ToString();
    }
}

/// <summary>Damages valid encodings the way a broken or hostile peer might.</summary>
internal static class WireFuzzing
{
    public static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = valid.ToList();
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0: // flip one byte
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0: // truncate
                    var cut = random.Next(bytes.Count);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
                case 2: // insert random bytes
                    bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Range(0, random.Next(1, 6)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3 when bytes.Count > 0: // a length-like byte set to an extreme
                    bytes[random.Next(bytes.Count)] = random.Next(2) == 0 ? (byte)0xFF : (byte)0x7F;
                    break;
                case 4 when bytes.Count > 1: // drop one byte
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                default: // flip one bit
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
