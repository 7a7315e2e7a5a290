using Microsoft.Extensions.Logging;

namespace AkkaRpc.Remote.Tests.Support;

/// <summary>An <see cref="ILoggerProvider"/> (and minimal factory) that records entries so tests can wait for one.</summary>
internal sealed class LogRecorder : ILoggerProvider, ILoggerFactory
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];
    private readonly List<(Func<LogEntry, bool> Match, TaskCompletionSource<LogEntry> Done)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    /// <summary>Completes with the first entry (already recorded or future) whose message contains <paramref name="text"/>.</summary>
    public Task<LogEntry> WaitForAsync(string text) => WaitForAsync(e => e.Message.Contains(text, StringComparison.Ordinal));

    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match)
    {
        var done = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            LogEntry? existing = _entries.FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(TestTimeouts.Ceiling);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("No matching log entry. Recorded:\n" + string.Join("\n", Entries.Select(e => $"  [{e.Level}] {e.Message}")));
        }
    }

    private void Add(LogEntry entry)
    {
        List<TaskCompletionSource<LogEntry>> completed = [];
        lock (_gate)
        {
            _entries.Add(entry);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(entry))
                {
                    completed.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (TaskCompletionSource<LogEntry> done in completed)
        {
            done.TrySetResult(entry);
        }
    }

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(category, logLevel, formatter(state, exception)));
    }
}
