using System.Net.Sockets;
using Akka.Event;

namespace AkkaRpc.Transport.Connections;

internal sealed partial class TransportCore
{
    private readonly Lock _socketFileGate = new();

    /// <summary>
    /// Listens again at this transport's Unix socket path if the socket file was removed while it listened (an
    /// operator's <c>rm</c>, a cleaner of temporary files): a listener whose file is gone keeps its connections but
    /// can never be reached again. The new listener takes over and the old one is closed; open connections stay.
    /// </summary>
    /// <returns>The path re-created, or null when there was nothing to do (not a Unix listener, not accepting, or the file is there).</returns>
    public string? RecreateSocketFile()
    {
        lock (_socketFileGate)
        {
            if (_claim is not UnixSocketFile file || Volatile.Read(ref _accepting) == 0 || File.Exists(file.Path))
            {
                return null;
            }

            // The old listener goes first: closing a listening Unix socket unlinks its path, which would take the new
            // file with it. It is swapped out before it closes, so its accept loop ends quietly.
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            Interlocked.Exchange(ref _listenSocket, socket)?.Dispose();
            try
            {
                // As the first bind did: the 0700 directory keeps others out until the file is made owner-only.
                socket.Bind(new UnixDomainSocketEndPoint(file.Path));
                file.Secure();
                socket.Listen(Settings.Backlog);
            }
            catch
            {
                // Tried again on the next call: the path is still missing.
                socket.Dispose();
                throw;
            }

            _acceptTask = Task.Run(() => AcceptLoopAsync(socket));
            if (Volatile.Read(ref _accepting) == 0)
            {
                // StopAccepting ran meanwhile and may have closed the old listener only: it means this one too.
                socket.Dispose();
                File.Delete(file.Path);
                return null;
            }

            _log.Warning("The socket file {0} was removed while this node listened on it; listening there again (open connections were not affected)", file.Path);
            return file.Path;
        }
    }
}
