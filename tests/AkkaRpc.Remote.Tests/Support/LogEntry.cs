using Microsoft.Extensions.Logging;

namespace AkkaRpc.Remote.Tests.Support;

/// <summary>One recorded log entry.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, string Message);
