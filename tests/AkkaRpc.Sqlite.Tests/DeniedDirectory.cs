using System.Runtime.InteropServices;

namespace AkkaRpc.Sqlite.Tests;

/// <summary>
/// <c>chmod 000</c> on a directory for the calling thread, until disposed. Root ignores modes, so for root this thread
/// also gives up <c>CAP_DAC_OVERRIDE</c> and <c>CAP_DAC_READ_SEARCH</c> (capabilities are per thread on Linux) and takes
/// them back on dispose: the kernel then denies this thread exactly what it denies any other user. Everything the test
/// does meanwhile must run synchronously on this thread.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class DeniedDirectory : IDisposable
{
    private const uint CapabilityVersion3 = 0x20080522;
    private const int CapDacOverride = 1;
    private const int CapDacReadSearch = 2;

    private readonly string _path;
    private readonly UnixFileMode _mode;
    private readonly uint[]? _saved;

    public DeniedDirectory(string path)
    {
        _path = path;
        _mode = File.GetUnixFileMode(path);
        if (IsRoot)
        {
            var header = new uint[] { CapabilityVersion3, 0 };
            _saved = new uint[6];
            Check(capget(header, _saved), "capget");
            var dropped = (uint[])_saved.Clone();
            dropped[0] &= ~((1u << CapDacOverride) | (1u << CapDacReadSearch)); // effective set, first 32 capabilities
            Check(capset(header, dropped), "capset");
        }

        File.SetUnixFileMode(path, UnixFileMode.None);
    }

    /// <summary>Whether the tests run as root, whom modes do not stop.</summary>
    public static bool IsRoot => geteuid() == 0;

    public void Dispose()
    {
        if (_saved is not null)
        {
            Check(capset([CapabilityVersion3, 0], _saved), "capset");
        }

        File.SetUnixFileMode(_path, _mode);
    }

    private static void Check(int rc, string call)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int capget(uint[] header, uint[] data);

    [DllImport("libc", SetLastError = true)]
    private static extern int capset(uint[] header, uint[] data);
}
