using System.Text.RegularExpressions;
using AkkaRpc.Protocol;

namespace AkkaRpc.Reliability.Running;

/// <summary>Short, one-line texts of what a client saw, for the outcome column.</summary>
internal static partial class Describe
{
    private const int MaxLength = 240;

    /// <summary>The exception's type and first line of its message.</summary>
    public static string Error(Exception exception)
    {
        var inner = exception;
        while (inner is AggregateException { InnerException: { } first })
        {
            inner = first;
        }

        // Node addresses (a percent-encoded socket path) say nothing the table needs.
        return Clip($"{inner.GetType().Name}: {NodeAddress().Replace(FirstLine(inner.Message), "")}");
    }

    /// <summary>A reply's record text (its type and fields), clipped.</summary>
    public static string Reply(object? reply) => reply switch
    {
        null => "no reply",
        QueryResult result => $"QueryResult ({result.Rows.Count} rows{(result.HasMore ? ", cursor open" : "")})",
        _ => Clip(FirstLine(reply.ToString() ?? reply.GetType().Name)),
    };

    /// <summary>Seconds with one decimal.</summary>
    public static string Seconds(TimeSpan elapsed) => $"{elapsed.TotalSeconds:0.0} s";

    /// <summary>The first line of <paramref name="text"/>, cut to the column's width.</summary>
    public static string Line(string text) => Clip(FirstLine(text.Trim()));

    /// <summary>Cuts <paramref name="text"/> to the column's width.</summary>
    public static string Clip(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    [GeneratedRegex(@" ?\(?akka\.rpc\.(unix|tcp)://[^\s)]*\)?")]
    private static partial Regex NodeAddress();
}
