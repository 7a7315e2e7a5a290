using System.Diagnostics;

namespace AkkaRpc.Reliability.Running;

/// <summary>Runs one step of an attack and turns what came back, a value or an error, into text for the outcome column.</summary>
internal static class Attempt
{
    /// <summary>The text <paramref name="action"/> returns, or its error's; the run's own cancellation still ends the attack.</summary>
    public static async Task<string> DescribeAsync(Func<Task<string>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // What the node answered, error or not, is the finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Describe.Error(ex);
        }
    }

    /// <summary>Like <see cref="DescribeAsync"/>, with how long it took appended.</summary>
    public static async Task<string> TimedAsync(Func<Task<string>> action, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var text = await DescribeAsync(action, cancellationToken).ConfigureAwait(false);
        return $"{text} after {Describe.Seconds(clock.Elapsed)}";
    }
}
