using Microsoft.Extensions.Logging;

namespace AkkaRpc.Remote.Transport;

/// <summary>Every log line the transport writes, in one place so their wording and ids stay stable.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(1, LogLevel.Debug, "Connection {Connection}: socket failed ({Kind})")]
    public static partial void SocketError(ILogger logger, string connection, TransportFailureKind kind, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Connection {Connection} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string connection, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Connection {Connection} dropped: {Reason}")]
    public static partial void ConnectionDropped(ILogger logger, string connection, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Handshake with {Connection} failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string connection, string reason);

    [LoggerMessage(5, LogLevel.Debug, "Handshake with {Connection} started (timeout {Timeout})")]
    public static partial void HandshakeStarted(ILogger logger, string connection, TimeSpan timeout);

    [LoggerMessage(6, LogLevel.Information, "Connection {Connection} authenticated: {SystemName} uid {Uid}")]
    public static partial void Authenticated(ILogger logger, string connection, string systemName, long uid);

    [LoggerMessage(7, LogLevel.Warning, "Connection {Connection} refused: {Reason}")]
    public static partial void ConnectionLimitReached(ILogger logger, string connection, string reason);

    [LoggerMessage(8, LogLevel.Information, "Listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, string endPoint);

    [LoggerMessage(9, LogLevel.Information, "Replaced stale socket file {Path} left by a node that is no longer running")]
    public static partial void StaleSocketReplaced(ILogger logger, string path);

    [LoggerMessage(10, LogLevel.Error, "Accept loop on {EndPoint} failed")]
    public static partial void AcceptFailed(ILogger logger, string endPoint, Exception exception);
}
