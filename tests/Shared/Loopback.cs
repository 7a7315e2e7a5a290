using System.Net;
using System.Net.Sockets;

namespace AkkaRpc.Testing;

/// <summary>Loopback helpers for tests: a free port, and a listener that is not an AkkaRpc node.</summary>
internal static class Loopback
{
    /// <summary>A TCP port free on loopback right now (another process could still take it).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Starts a listener that answers every connection like a web server refusing the request, on a port whose next
    /// port is free too (when <paramref name="nextPortFree"/>), so a node can be started right after it.
    /// </summary>
    public static (TcpListener Stranger, int Port) StartStranger(bool nextPortFree = false)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var stranger = new TcpListener(IPAddress.Loopback, 0);
            stranger.Start();
            var port = ((IPEndPoint)stranger.LocalEndpoint).Port;
            if (nextPortFree)
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    probe.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
                }
                catch (SocketException)
                {
                    stranger.Stop();
                    continue;
                }
            }

            _ = AnswerLikeAWebServerAsync(stranger);
            return (stranger, port);
        }

        throw new InvalidOperationException("No two consecutive free ports on loopback.");
    }

    private static async Task AnswerLikeAWebServerAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }
}
