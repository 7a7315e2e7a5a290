using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace AkkaRpc.Transport.Connections;

/// <summary>The uid of the process at the other end of a Unix socket (SO_PEERCRED), compared with ours.</summary>
internal static partial class PeerCredentials
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>Gets this process's effective uid, or null where it cannot be known (not Linux).</summary>
    public static uint? OwnUid { get; } = OperatingSystem.IsLinux() ? geteuid() : null;

    /// <summary>
    /// Returns null when the peer runs as our user, else why not. On Unixes other than Linux SO_PEERCRED differs, so the
    /// check is skipped there and the 0700 socket directory is the only guard.
    /// </summary>
    public static string? CheckSameUser(Socket socket)
    {
        if (OwnUid is not { } own)
        {
            return null;
        }

        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        Span<byte> ucred = stackalloc byte[12];
        int length = socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
        if (length < 8)
        {
            return "the peer's credentials could not be read (SO_PEERCRED)";
        }

        uint peer = BinaryPrimitives.ReadUInt32LittleEndian(ucred[4..]);
        return peer == own ? null : $"the peer runs as uid {peer}, not as this node's uid {own}";
    }

    /// <summary>Gets the pid of the process at the other end, or null where it cannot be read (not Linux, or the call failed).</summary>
    public static int? PeerPid(Socket socket)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Span<byte> ucred = stackalloc byte[12];
        try
        {
            return socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred) >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(ucred) : null;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
