using System.Security.Cryptography;
using System.Text;

namespace AkkaRpc.Transport;

/// <summary>
/// The shared secret both sides of a connection prove they know. It is 32 random bytes, stored as
/// base64 in a file only its user may read; the first node to start creates it, so same-user local use
/// needs no setup.
/// </summary>
internal static class CookieFile
{
    /// <summary>Gets the size of a cookie in bytes.</summary>
    public const int Size = 32;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // Bounds the wait for a racing creator to finish writing: 50 × 20 ms = 1 s.
    private const int ReadAttempts = 50;

    private static readonly TimeSpan ReadRetryDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Gets the default cookie path, <c>~/.akkarpc/cookie</c> (under the user profile). The home directory is
    /// used rather than <c>$XDG_RUNTIME_DIR</c> because services and cron jobs often have no runtime directory
    /// and it is wiped at logout, which would split one user's nodes across two cookies.
    /// </summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".akkarpc", "cookie");

    /// <summary>
    /// Reads the cookie at <paramref name="path"/> (default <see cref="DefaultPath"/>), creating it with mode 0600
    /// if it does not exist. Processes that race to create it all end up with the winner's value.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file can be accessed by other users, or does not hold a valid cookie.</exception>
    public static async Task<byte[]> LoadOrCreateAsync(string? path = null, CancellationToken cancellationToken = default)
    {
        path = Path.GetFullPath(path ?? DefaultPath);
        if (!File.Exists(path))
        {
            EnsureDirectory(Path.GetDirectoryName(path)!);
            byte[] cookie = RandomNumberGenerator.GetBytes(Size);
            if (TryCreate(path, cookie))
            {
                return cookie;
            }
        }

        // The file exists, but a racing creator may still be writing it (its create and write are two
        // steps), so a short read is retried for a bounded time before it counts as corrupt.
        for (int attempt = 1; ; attempt++)
        {
            if (TryRead(path, out byte[]? cookie))
            {
                return cookie;
            }

            if (attempt == ReadAttempts)
            {
                throw new InvalidOperationException(
                    $"The cookie file '{path}' does not hold a {Size}-byte base64 cookie. Delete it to have a new one made, or copy the cookie of the nodes you talk to.");
            }

            await Task.Delay(ReadRetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void EnsureDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }

    /// <summary>
    /// Creates the file with O_CREAT|O_EXCL and mode 0600 from the first byte, so it is never readable by others
    /// and of two racing creators exactly one succeeds. (File.Move without overwrite is not used: on Unix it checks
    /// then renames, which lets a second creator silently replace the first one's cookie.)
    /// </summary>
    private static bool TryCreate(string path, byte[] cookie)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(cookie) + "\n"));
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private static bool TryRead(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? cookie)
    {
        if (!OperatingSystem.IsWindows())
        {
            UnixFileMode mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != 0)
            {
                throw new InvalidOperationException(
                    $"The cookie file '{path}' can be accessed by other users (mode {Convert.ToString((int)mode, 8)}), so anyone could impersonate this node. "
                    + $"Run 'chmod 600 {path}', or delete it to have a new one made.");
            }
        }

        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            // The creator still holds it open exclusively on some platforms.
            cookie = null;
            return false;
        }

        cookie = new byte[Size];
        if (Convert.TryFromBase64String(text, cookie, out int written) && written == Size)
        {
            return true;
        }

        cookie = null;
        return false;
    }
}
