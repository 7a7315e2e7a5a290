using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace AkkaRpc.TestKit;

/// <summary>
/// Writes kernel logs to xunit's per-test output, so a failing test shows what the actors said. A factory rather than
/// a provider so the TestKit needs only the logging abstractions.
/// </summary>
internal sealed class TestOutputLoggerFactory(ITestOutputHelper output, LogLevel minimumLevel) : ILoggerFactory
{
    private volatile bool _disposed;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("The TestKit's logger factory writes only to the test output.");

    public void Dispose() => _disposed = true;

    private bool IsEnabled(LogLevel logLevel) => !_disposed && logLevel >= minimumLevel && logLevel != LogLevel.None;

    private void Write(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // xunit refuses output once its test has finished; a late line from a stopping actor is not an error.
        }
    }

    private sealed class Logger(TestOutputLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = $"{DateTime.UtcNow:HH:mm:ss.fff} [{logLevel}] {category}: {formatter(state, exception)}";
            owner.Write(exception is null ? text : text + Environment.NewLine + exception);
        }
    }
}
