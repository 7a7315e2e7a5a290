using System.Text;
using AkkaRpc.Protocol;

namespace AkkaRpc.Client;

/// <summary>
/// An upper estimate of a request's size on the wire, so one that would not fit in a frame is refused before it is
/// sent: Akka.Remote drops an oversized message with only a log line, and the caller would wait out its timeout.
/// </summary>
internal static class RequestSize
{
    // Room for what the estimate leaves out: the codec's lengths and tags, Akka.Remote's envelope, the actor paths.
    private const long Overhead = 64 * 1024;

    /// <summary>Throws when <paramref name="request"/> could not travel in one frame of <paramref name="maxFrameSize"/> bytes.</summary>
    /// <exception cref="StatementRefusedException">It is too big; nothing was sent.</exception>
    public static void Check(DatabaseRequest request, long maxFrameSize)
    {
        CheckParameterCounts(request);
        var size = Estimate(request) + Overhead;
        if (size > maxFrameSize)
        {
            throw new StatementRefusedException(
                $"The {request.GetType().Name} is about {size:N0} bytes, over the {maxFrameSize:N0}-byte limit of one message " +
                "(the transport's maximum-frame-size). Nothing was sent: store large values in pieces, in several statements or rows.");
        }
    }

    /// <summary>
    /// Throws when a statement binds more values than SQLite takes: the node's decoder refuses such a message as bad
    /// input (and closes the connection), so it is refused here, with a message that says what to do instead.
    /// </summary>
    private static void CheckParameterCounts(DatabaseRequest request)
    {
        var most = MostParameters(request);
        if (most > SqlParameters.MaxCount)
        {
            throw new StatementRefusedException(
                $"A statement binds {most:N0} parameters, over SQLite's limit of {SqlParameters.MaxCount:N0} per statement. Nothing was sent: " +
                "split it into several statements (a Batch runs them atomically), or pass the values as one JSON text and read them with json_each.");
        }
    }

    private static int MostParameters(DatabaseRequest request) => request switch
    {
        Query q => q.Parameters.Values.Count,
        Execute e => e.Parameters.Values.Count,
        Batch b => b.Statements.Select(s => s.Parameters.Values.Count).DefaultIfEmpty().Max(),
        Transactional t => MostParameters(t.Request),
        _ => 0,
    };

    private static long Estimate(DatabaseRequest request) => request switch
    {
        Query q => Text(q.Sql) + Parameters(q.Parameters),
        Execute e => Text(e.Sql) + Parameters(e.Parameters),
        Batch b => b.Statements.Sum(s => Text(s.Sql) + Parameters(s.Parameters)),
        Transactional t => Estimate(t.Request),
        _ => 0,
    };

    private static long Parameters(SqlParameters parameters)
    {
        long size = parameters.Names?.Sum(n => (long)Text(n)) ?? 0;
        foreach (var value in parameters.Values)
        {
            size += value.Kind switch
            {
                SqlValueKind.Text => Text(value.AsText()),
                SqlValueKind.Blob => value.AsBlob().Length,
                _ => 9,
            };
        }

        return size;
    }

    private static int Text(string text) => Encoding.UTF8.GetByteCount(text);
}
