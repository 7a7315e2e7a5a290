namespace AkkaRpc.Bench.Services;

/// <summary>
/// The four calls of the echo/compute service every system of <c>akkarpc bench services</c> serves, and the limits they
/// share, so the figures of AkkaRpc services, a hand-written actor message, gRPC and HTTP/REST compare like with like.
/// </summary>
/// <remarks>
/// How the suite's workloads map onto them: the latency scenario's "point query" is <see cref="EchoBytes"/> bytes
/// echoed, its "insert" a compute call (two numbers added), bandwidth uploads an upload call and downloads a download
/// call, and the concurrency scenario the echo again, from many callers at once.
/// </remarks>
internal static class ServiceCalls
{
    /// <summary>Bytes of the echo that stands for a plain call: what a small request with a few arguments weighs.</summary>
    public const int EchoBytes = 64;

    /// <summary>The most a download may ask for or an upload may carry: the suite's largest payload with room to spare.</summary>
    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    /// <summary>Gets a pattern-filled buffer downloads are answered from, shared and never written after it is made.</summary>
    public static byte[] Source { get; } = Pattern(MaxPayloadBytes);

    /// <summary>The same clear refusal on every system when a download asks for a size out of range; null when it is in range.</summary>
    public static string? DownloadRefusal(int bytes) =>
        bytes is < 0 or > MaxPayloadBytes ? $"A download asks for 0 to {MaxPayloadBytes} bytes, not {bytes}." : null;

    private static byte[] Pattern(int length)
    {
        // A pattern rather than zeros, so no layer can shortcut an all-zero payload.
        var buffer = new byte[length];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(i * 31);
        }

        return buffer;
    }
}
