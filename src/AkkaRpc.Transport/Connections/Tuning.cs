using System.IO.Pipelines;

namespace AkkaRpc.Transport.Connections;

/// <summary>Where the pipes run their readers' continuations; chosen by measurement (see the commit that set them).</summary>
internal static class Tuning
{
    /// <summary>Gets the scheduler of the frame reader: inline runs it on the receive loop's thread, no hop.</summary>
    public static PipeScheduler InputReaderScheduler { get; } = Pick("AKKARPC_TRANSPORT_INPUT_INLINE", inline: true);

    /// <summary>Gets the scheduler of the send loop: inline sends on the writer's thread when the loop is idle.</summary>
    public static PipeScheduler OutputReaderScheduler { get; } = Pick("AKKARPC_TRANSPORT_OUTPUT_INLINE", inline: true);

    private static PipeScheduler Pick(string variable, bool inline)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        bool useInline = text is null ? inline : text is "1" or "true";
        return useInline ? PipeScheduler.Inline : PipeScheduler.ThreadPool;
    }
}
