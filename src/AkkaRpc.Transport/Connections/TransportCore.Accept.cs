using System.Collections.Concurrent;
using System.Net.Sockets;
using Akka.Event;
using AkkaRpc.Transport.Framing;
using AkkaRpc.Transport.Handshake;
using Microsoft.Win32.SafeHandles;

namespace AkkaRpc.Transport.Connections;

/// <summary>The accept loop: it outlives transient accept failures (out of file descriptors above all) and recovers by itself.</summary>
internal sealed partial class TransportCore
{
    private static readonly TimeSpan FirstAcceptBackoff = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxAcceptBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ShedAcceptWait = TimeSpan.FromMilliseconds(50);

    // One descriptor held back while all is well. Out of descriptors, accept fails but the connection waits in the
    // backlog, its client hanging: closing this one lets the node accept that connection and tell it why it is
    // refused, instead (the way servers such as libev-based ones survive EMFILE).
    private SafeFileHandle? _reserve;

    /// <summary>Gets or sets how the loop accepts a socket; tests put a failing accept here.</summary>
    public Func<Socket, CancellationToken, ValueTask<Socket>> AcceptSocket { get; set; } = static (socket, token) => socket.AcceptAsync(token);

    private static SafeFileHandle? OpenReserveDescriptor()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            return File.OpenHandle("/dev/null");
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsOutOfDescriptors(Exception ex) =>
        ex is SocketException { SocketErrorCode: SocketError.TooManyOpenSockets } or SocketException { NativeErrorCode: 23 or 24 };

    private async Task AcceptLoopAsync(Socket listenSocket)
    {
        try
        {
            // Akka completes the listener once its endpoint manager is ready; accepting starts then, as DotNetty does.
            await _associationListener.Task.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        int failures = 0;
        int shed = 0;
        long episodeStart = 0;
        TimeSpan backoff = FirstAcceptBackoff;
        while (true)
        {
            Socket accepted;
            try
            {
                // With the handshake slots taken and many waiting for one, later connections wait in the backlog.
                await _slots.WaitForRoomAsync(_stopping.Token).ConfigureAwait(false);
                accepted = await AcceptSocket(listenSocket, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested || Volatile.Read(ref _accepting) == 0 || !ReferenceEquals(listenSocket, Volatile.Read(ref _listenSocket)))
            {
                // Stopping, or this listener was replaced (RecreateSocketFile) and closed.
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                // The client gave up before we accepted it; nothing to serve.
                continue;
            }
            catch (Exception ex)
            {
                // Whatever failed (EMFILE, ENFILE, ENOBUFS...) may pass: the loop never dies of it, it waits and retries.
                if (failures++ == 0)
                {
                    episodeStart = Settings.TimeProvider.GetTimestamp();
                    _log.Warning(
                        "AkkaRpc accept on {0} failed: {1}; retrying with a backoff of up to {2:0.###} s until it succeeds (logged once until then)",
                        LocalAddress, ex.Message, MaxAcceptBackoff.TotalSeconds);
                }

                if (IsOutOfDescriptors(ex))
                {
                    shed += await ShedOneAsync(listenSocket).ConfigureAwait(false);
                }

                try
                {
                    await Task.Delay(backoff, Settings.TimeProvider, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxAcceptBackoff.Ticks));
                continue;
            }

            if (failures > 0)
            {
                _log.Info(
                    "AkkaRpc accept on {0} works again after {1} failed attempts over {2:0.0} s; {3} connections were refused meanwhile",
                    LocalAddress, failures, Settings.TimeProvider.GetElapsedTime(episodeStart).TotalSeconds, shed);
                (failures, shed, backoff) = (0, 0, FirstAcceptBackoff);
                _reserve ??= OpenReserveDescriptor();
            }

            Task serve = AdmitInbound(accepted);
            _inFlight.TryAdd(serve, 0);
            _ = serve.ContinueWith(static (t, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(t, out _), _inFlight, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Out of descriptors: frees the reserve, accepts one waiting connection, tells it why it is refused and closes it,
    /// then takes the reserve back. Returns how many connections were refused (0 or 1).
    /// </summary>
    private async Task<int> ShedOneAsync(Socket listenSocket)
    {
        if (_reserve is null)
        {
            return 0;
        }

        _reserve.Dispose();
        _reserve = null;
        int refused = 0;
        try
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            wait.CancelAfter(ShedAcceptWait);
            using Socket socket = await listenSocket.AcceptAsync(wait.Token).ConfigureAwait(false);
            refused = 1;
            byte[] frame = RefusedFrame(RefusalCode.TooManyConnections, "the node is out of file descriptors; try again shortly");
            socket.Blocking = false;
            socket.Send(frame, SocketFlags.None, out _);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Nobody was waiting, or accept still failed: nothing to shed this time.
        }
        finally
        {
            _reserve = OpenReserveDescriptor();
        }

        return refused;
    }

    private static byte[] RefusedFrame(RefusalCode code, string reason)
    {
        byte[] payload = HandshakeMessages.EncodeRefused(code, reason);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(FrameLayout.HeaderSize + payload.Length);
        FrameWriter.Write(buffer, FrameType.Refused, payload);
        return buffer.WrittenSpan.ToArray();
    }
}
