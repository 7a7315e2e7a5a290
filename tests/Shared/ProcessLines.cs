using System.Diagnostics;

namespace AkkaRpc.Testing;

/// <summary>
/// Reads a started process's standard output and error line by line (its <c>StartInfo</c> must redirect both), keeps
/// every line for a failure message, and completes <see cref="Ready"/> at the first output line that starts with a
/// given prefix: how tests wait for a program that prints when it is serving.
/// </summary>
internal sealed class ProcessLines
{
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts reading <paramref name="process"/>'s output; <see cref="Ready"/> completes at a line starting with <paramref name="readyPrefix"/>.</summary>
    public ProcessLines(Process process, string readyPrefix)
    {
        process.OutputDataReceived += (_, e) =>
        {
            Add(e.Data);
            if (e.Data?.StartsWith(readyPrefix, StringComparison.Ordinal) == true)
            {
                _ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Completes when the process has printed the ready line.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Every line read so far, output and error interleaved as they came.</summary>
    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }

    private void Add(string? line)
    {
        lock (_lines)
        {
            _lines.Add(line ?? string.Empty);
        }
    }
}
