using System.Net.Sockets;
using Akka.Event;

namespace AkkaRpc.Transport.Connections;

/// <summary>
/// Claims a Unix socket path for one listener: a private (0700) directory, a lock file held for the listener's life,
/// and removal of a stale socket file left by a node that died. A live socket is never taken over.
/// </summary>
internal sealed class UnixSocketFile : IDisposable
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly FileStream _lock;

    private UnixSocketFile(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    /// <summary>Gets the full socket path.</summary>
    public string Path { get; }

    /// <summary>Claims <paramref name="path"/>, replacing a stale socket file and refusing a live one.</summary>
    /// <exception cref="InvalidOperationException">Another node is listening there, or the directory is not private.</exception>
    public static UnixSocketFile Claim(string path, ILoggingAdapter log)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Unix socket listeners need a Unix-like OS; use rpc.tcp on Windows.");
        }

        path = System.IO.Path.GetFullPath(path);
        string directory = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else if ((File.GetUnixFileMode(directory) & GroupOrOther) != 0)
        {
            throw new InvalidOperationException(
                $"The socket directory '{directory}' can be entered by other users (mode {Convert.ToString((int)File.GetUnixFileMode(directory), 8)}). "
                + $"Use a directory only you can enter (chmod 700 '{directory}'), so no other user can reach the socket.");
        }

        // The lock serializes nodes starting at the same path, so the stale check below cannot race with another
        // node's bind. .NET takes an flock(LOCK_EX|LOCK_NB) for FileShare.None on Unix.
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(path + ".lock", new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"Another node is listening at '{path}' (it holds '{path}.lock').", ex);
        }

        try
        {
            RemoveIfStale(path, log);
            return new UnixSocketFile(path, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Makes the bound socket file owner-only (0600).</summary>
    public void Secure()
    {
        // Between bind and this call the file has umask bits; the 0700 directory keeps others out meanwhile.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Removes the socket file and releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        finally
        {
            // The lock file stays: deleting it while others may be opening it would let two nodes lock different files.
            _lock.Dispose();
        }
    }

    private static void RemoveIfStale(string path, ILoggingAdapter log)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return;
        }

        if (info.Length != 0)
        {
            // Socket files have no size; anything else is a user's file we must not delete.
            throw new InvalidOperationException($"'{path}' exists and is not a socket; choose another socket path or remove it.");
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            // Nobody accepts on it: the node that made it is gone.
            File.Delete(path);
            log.Info("Replaced stale socket file {0} left by a node that is no longer running", path);
            return;
        }

        throw new InvalidOperationException($"Another node is listening at '{path}'; stop it or choose another socket path.");
    }
}
