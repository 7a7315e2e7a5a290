using Akka.Actor;
using Akka.Event;

namespace AkkaRpc.Transport.Tests.Support;

/// <summary>Counts the warnings (and worse) an actor system logs from a source, for tests that bound the log's growth.</summary>
public sealed class LogCounter : ReceiveActor
{
    private readonly string _source;
    private int _count;

    public LogCounter(string source)
    {
        _source = source;
        Receive<LogEvent>(e =>
        {
            if (e.LogLevel() >= LogLevel.WarningLevel && e.LogSource.Contains(_source, StringComparison.Ordinal))
            {
                _count++;
            }
        });
        Receive<GetCount>(_ => Sender.Tell(_count));
    }

    /// <summary>Asks a counter how many it counted so far.</summary>
    public sealed record GetCount
    {
        public static GetCount Instance { get; } = new();
    }
}
