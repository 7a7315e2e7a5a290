using System.Net;
using System.Net.Sockets;
using AkkaRpc.Remote.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaRpc.Remote;

/// <summary>Opens authenticated connections to other nodes over TCP or Unix domain sockets.</summary>
public static class RemoteTransport
{
    /// <summary>
    /// Connects to <paramref name="endPoint"/> (an <see cref="IPEndPoint"/> or a <see cref="UnixDomainSocketEndPoint"/>)
    /// and performs the client half of the handshake.
    /// </summary>
    /// <exception cref="RemoteTransportException">The node is unreachable, refused the handshake, or did not answer in time.</exception>
    public static async Task<RemoteConnection> ConnectAsync(
        EndPoint endPoint, RemoteTransportOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        byte[] cookie = await RemoteCookie.LoadOrCreateAsync(options.CookiePath, cancellationToken).ConfigureAwait(false);
        ILogger logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("AkkaRpc.Remote.Client");

        Socket socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new RemoteTransportException(
                TransportFailureKind.Unreachable, $"Could not connect to {endPoint}: {ex.SocketErrorCode}. Is a node running there?", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SocketConnection(socket, options.MaxFrameSize, logger);
        connection.Start();
        return await ConnectionEstablisher.EstablishAsync(connection, isServer: false, options, cookie, logger, released: null, cancellationToken).ConfigureAwait(false);
    }
}
