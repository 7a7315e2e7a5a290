using System.Diagnostics;

namespace AkkaRpc.Sqlite.Tests.Owners;

/// <summary>
/// A fault of the storage under a data directory that every thread of the process meets (owners run on their own
/// threads): as root, whom modes do not stop, a full disk (a small tmpfs mounted there, filled up); otherwise the
/// directory's permissions taken away (chmod 000).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class StorageFault : IDisposable
{
    private readonly string _directory;
    private readonly bool _mounted;
    private bool _applied;

    /// <summary>Prepares <paramref name="directory"/> (creating it); call before any database opens there.</summary>
    public StorageFault(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        if (DeniedDirectory.IsRoot)
        {
            Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", directory);
            _mounted = true;
        }
    }

    /// <summary>What the error says when the fault is applied.</summary>
    public string Cause => _mounted ? "is full" : "Permission denied on";

    private string Filler => Path.Combine(_directory, "filler");

    /// <summary>Fills the disk, or takes the permissions away.</summary>
    public void Apply()
    {
        _applied = true;
        if (!_mounted)
        {
            File.SetUnixFileMode(_directory, UnixFileMode.None);
            return;
        }

        using var filler = new FileStream(Filler, FileMode.CreateNew);
        var block = new byte[4096];
        try
        {
            for (var i = 0; i < 1024; i++) // 4 MiB at most: twice the file system.
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            return; // No space left: what was wanted.
        }

        throw new InvalidOperationException($"{_directory} did not fill up.");
    }

    /// <summary>Frees the space, or gives the permissions back.</summary>
    public void Lift()
    {
        if (!_applied)
        {
            return;
        }

        _applied = false;
        if (_mounted)
        {
            File.Delete(Filler);
        }
        else
        {
            File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose()
    {
        Lift();
        if (_mounted)
        {
            Run("umount", "-l", _directory);
        }
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({error.Trim()}): as root, these tests need to mount a tmpfs; as another user they use chmod.");
        }
    }
}
