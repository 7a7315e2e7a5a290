using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Akka.Actor;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// A hostile peer on the node's TCP port that writes bytes of its choosing and reports what the node did: the frames
/// it answered (a refusal's text) and when it closed the connection. Frames are <c>[u32 LE length][u8 type][payload]</c>.
/// </summary>
internal static class RawPeer
{
    /// <summary>The frame type of a Hello.</summary>
    public const byte Hello = 1;

    /// <summary>The frame type of a refusal: a u8 code, then a UTF-8 message.</summary>
    private const byte Refused = 5;

    /// <summary>A frame of <paramref name="type"/> around <paramref name="payload"/>.</summary>
    public static byte[] Frame(byte type, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
        frame[4] = type;
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    /// <summary>A Hello with the given magic and version, and a plausible rest (frame size, nonce, an address).</summary>
    public static byte[] HelloPayload(string magic, ushort version)
    {
        var payload = new byte[4 + 2 + 4 + 32 + 12];
        Encoding.ASCII.GetBytes(magic).AsSpan(0, 4).CopyTo(payload);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(4), version);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(6), 1 << 20);
        return payload;
    }

    /// <summary>Connects to <paramref name="node"/>, writes <paramref name="bytes"/>, and describes the node's answer within <paramref name="ceiling"/>.</summary>
    public static async Task<string> SendAsync(Address node, byte[] bytes, TimeSpan ceiling, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(node.Host!, node.Port!.Value, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        var clock = Stopwatch.StartNew();
        try
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            return $"closed while we wrote ({ex.InnerException?.Message ?? ex.Message}) after {clock.ElapsedMilliseconds} ms";
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ceiling);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            // Bounded by the deadline and by the node closing the connection.
            while (true)
            {
                var read = await stream.ReadAsync(buffer, deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{Answer(received.ToArray())}; still open after {ceiling.TotalSeconds:0} s";
        }
        catch (IOException ex)
        {
            return $"{Answer(received.ToArray())}; reset ({ex.InnerException?.Message ?? ex.Message}) after {clock.ElapsedMilliseconds} ms";
        }

        return $"{Answer(received.ToArray())}; closed after {clock.ElapsedMilliseconds} ms";
    }

    private static string Answer(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return "no answer";
        }

        if (bytes.Length >= 6 && bytes[4] == Refused)
        {
            var length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes), (uint)(bytes.Length - 5));
            return $"refused: \"{Encoding.UTF8.GetString(bytes, 6, Math.Max(0, length - 1))}\"";
        }

        return $"{bytes.Length} bytes answered (frame type {bytes[4]})";
    }
}
