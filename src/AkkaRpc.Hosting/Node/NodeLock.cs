using System.Text.Json;

namespace AkkaRpc.Hosting;

/// <summary>
/// An exclusive lock on a node's lock file (<see cref="NodeOptions.LockFile"/>), so that of several nodes started with
/// the same file (say, by clients racing to auto-spawn one) exactly one runs. On Unix it is an <c>flock</c>, which the
/// kernel releases when the process exits, even on SIGKILL, so a crashed node never leaves a stale lock behind.
/// </summary>
public sealed class NodeLock : IDisposable
{
    private readonly FileStream _stream;
    private bool _wroteInfo;

    private NodeLock(string path, FileStream stream)
    {
        Path = path;
        InfoPath = System.IO.Path.ChangeExtension(path, ".json");
        _stream = stream;
    }

    /// <summary>The locked file's full path.</summary>
    public string Path { get; }

    /// <summary>Where <see cref="WriteInfoAsync"/> writes the holder's pid and addresses: the lock file's path with a <c>.json</c> extension.</summary>
    public string InfoPath { get; }

    /// <summary>Locks <paramref name="path"/> (creating it, and its directory private to this user, if missing); null if another live process holds it.</summary>
    /// <exception cref="IOException">The file cannot be opened for another reason than being locked (e.g. the path is a directory).</exception>
    /// <exception cref="UnauthorizedAccessException">This user may not open or create it.</exception>
    public static NodeLock? TryAcquire(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { } directory && !Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        try
        {
            // FileShare.None is an exclusive, non-blocking flock on Unix and a sharing lock on Windows.
            return new NodeLock(full, new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (IsHeldByAnother(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the holder's pid, addresses and start time to <see cref="InfoPath"/> for diagnostics (replacing it
    /// whole, so a reader never sees half a file); removed again on <see cref="Dispose"/>.
    /// </summary>
    public async Task WriteInfoAsync(int processId, IEnumerable<string> addresses, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("pid", processId);
            json.WriteStartArray("addresses");
            foreach (var address in addresses)
            {
                json.WriteStringValue(address);
            }

            json.WriteEndArray();
            json.WriteString("startedAt", startedAt);
            json.WriteString("lockFile", Path);
            json.WriteEndObject();
        }

        var temporary = $"{InfoPath}.{processId}.tmp";
        await File.WriteAllBytesAsync(temporary, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, InfoPath, overwrite: true);
        _wroteInfo = true;
    }

    /// <summary>Removes the info file and releases the lock. The lock file itself stays: deleting it would let a node that already opened it and one that creates a new one both hold "the" lock.</summary>
    public void Dispose()
    {
        if (_wroteInfo)
        {
            _wroteInfo = false;
            File.Delete(InfoPath);
        }

        _stream.Dispose();
    }

    // The runtime reports a lock conflict as a plain IOException carrying the OS error: EWOULDBLOCK (11 on Linux, 35 on
    // macOS) from flock, or ERROR_SHARING_VIOLATION on Windows. Anything else is a real failure and propagates.
    private static bool IsHeldByAnother(IOException ex) =>
        ex.GetType() == typeof(IOException) && ex.HResult is 11 or 35 or unchecked((int)0x80070020);
}
