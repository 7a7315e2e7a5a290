using AkkaRpc.Remote.Handshake;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Remote.Transport;

/// <summary>Runs either half of the handshake on a started socket connection under the handshake timeout.</summary>
internal static class ConnectionEstablisher
{
    /// <summary>How long a graceful close waits for the peer to close its side before tearing the socket down.</summary>
    public static readonly TimeSpan CloseLinger = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Authenticates the peer and returns the started connection. On failure the reason is logged, the
    /// connection closed (a Refused frame, when one was queued, is flushed first) and the reason thrown.
    /// <paramref name="released"/> runs once an established connection has released its socket.
    /// </summary>
    public static async Task<RemoteConnection> EstablishAsync(
        SocketConnection connection, bool isServer, RemoteTransportOptions options, byte[] cookie, ILogger logger, Action? released, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.HandshakeTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        TransportLog.HandshakeStarted(logger, connection.Name, options.HandshakeTimeout);
        PeerInfo peer;
        try
        {
            peer = isServer
                ? await HandshakeProtocol.RunServerAsync(connection, options, cookie, linked.Token).ConfigureAwait(false)
                : await HandshakeProtocol.RunClientAsync(connection, options, cookie, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RemoteTransportException failure = ex switch
            {
                RemoteTransportException transport => transport,
                OperationCanceledException when timeout.IsCancellationRequested => new RemoteTransportException(
                    TransportFailureKind.HandshakeTimeout, $"the handshake did not finish within {options.HandshakeTimeout.TotalSeconds:0.###} s"),
                OperationCanceledException => new RemoteTransportException(TransportFailureKind.LocalClose, "the handshake was cancelled"),
                _ => new RemoteTransportException(TransportFailureKind.ConnectionAborted, $"unexpected error during the handshake: {ex.Message}", ex),
            };
            TransportLog.HandshakeFailed(logger, connection.Name, failure.Message);
            await connection.Input.CompleteAsync().ConfigureAwait(false);

            // A refusal or violation queued a Refused frame: close gracefully so the peer can read why.
            if (failure.Kind is TransportFailureKind.HandshakeRefused or TransportFailureKind.ProtocolViolation or TransportFailureKind.FrameTooLarge)
            {
                await connection.CloseAsync(CloseLinger, options.TimeProvider).ConfigureAwait(false);
            }
            else
            {
                connection.Abort(failure);
                await connection.Completion.ConfigureAwait(false);
            }

            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw failure;
        }

        TransportLog.Authenticated(logger, connection.Name, peer.SystemName, peer.Uid);
        var established = new RemoteConnection(connection, peer, options, logger, released);
        established.Start();
        return established;
    }
}
