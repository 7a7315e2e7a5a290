using System.Runtime.InteropServices;
using System.Text;

namespace AkkaRpc.Sqlite;

/// <summary>SQLite functions that SQLitePCLRaw does not wrap, called in the same e_sqlite3 library it loads, and the few libc calls the file checks need.</summary>
internal static class NativeMethods
{
    /// <summary>errno values the engine tells apart (Linux numbering, which musl shares).</summary>
    public const int EPerm = 1;
    public const int ENoEnt = 2;
    public const int EAcces = 13;
    public const int ENotDir = 20;
    public const int ENoSpc = 28;
    public const int ERofs = 30;
    public const int EDQuot = 122;

    // The struct stat buffer: bigger than any Linux layout (x86_64: 144 bytes, arm64: 128). Every layout starts with
    // st_dev then st_ino, both 64-bit, which is all the check reads.
    private const int StatBufferSize = 256;

    // struct statx is the same on every architecture: stx_ino at 32, stx_dev_major and stx_dev_minor at 136 and 140.
    private const int StatxBufferSize = 256;
    private const int AtFdCwd = -100;
    private const uint StatxIno = 0x100;

    private static bool s_noStatSymbol;

    // SQLitePCLRaw's e_sqlite3 provider binds the library by this same name, so both resolve to
    // the one native image that the bundle ships for the platform.
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int sqlite3_file_control(IntPtr db, IntPtr databaseName, int op, ref int argument);

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int sqlite3_system_errno(IntPtr db);

    // Byte arrays, not strings: blittable, so the calls need no marshalling stubs (and no unsafe code) under AOT.
    [DllImport("libc", EntryPoint = "stat", ExactSpelling = true, SetLastError = true)]
    private static extern int LibcStat(byte[] path, byte[] buffer);

    [DllImport("libc", EntryPoint = "statx", ExactSpelling = true, SetLastError = true)]
    private static extern int LibcStatx(int directory, byte[] path, int flags, uint mask, byte[] buffer);

    /// <summary>Asks SQLite whether the main database file was unlinked or renamed since it was opened (<c>SQLITE_FCNTL_HAS_MOVED</c>).</summary>
    /// <returns>True when moved; false when not, or when the VFS cannot tell.</returns>
    public static bool HasMoved(SQLitePCL.sqlite3 db)
    {
        var moved = 0;
        var rc = sqlite3_file_control(db.DangerousGetHandle(), IntPtr.Zero, SqliteCodes.FcntlHasMoved, ref moved);
        return rc == SqliteCodes.Ok && moved != 0;
    }

    /// <summary>The errno of the last failed system call SQLite made on <paramref name="db"/>, or 0.</summary>
    public static int SystemErrno(SQLitePCL.sqlite3 db) => sqlite3_system_errno(db.DangerousGetHandle());

    /// <summary>A path as the C library takes it: UTF-8, NUL-terminated; encoded once per path, not per call.</summary>
    public static byte[] NativePath(string path) => Encoding.UTF8.GetBytes(path + "\0");

    /// <summary>A buffer for <see cref="Stat"/>, reusable by one thread at a time.</summary>
    public static byte[] StatBuffer() => new byte[Math.Max(StatBufferSize, StatxBufferSize)];

    /// <summary>Reads the identity (device and inode) of the file at <paramref name="path"/> (from <see cref="NativePath"/>) into <paramref name="buffer"/> (from <see cref="StatBuffer"/>).</summary>
    /// <returns>0, or the errno that says why the path could not be examined (ENOENT, EACCES, ...).</returns>
    /// <remarks>Linux only (the engine checks <see cref="OperatingSystem.IsLinux"/> first). One system call, about a microsecond.</remarks>
    public static int Stat(byte[] path, byte[] buffer, out FileIdentity identity)
    {
        if (!s_noStatSymbol)
        {
            try
            {
                if (LibcStat(path, buffer) != 0)
                {
                    identity = default;
                    return Marshal.GetLastPInvokeError();
                }

                identity = new FileIdentity(MemoryMarshal.Read<ulong>(buffer), MemoryMarshal.Read<ulong>(buffer.AsSpan(8)));
                return 0;
            }
            catch (EntryPointNotFoundException)
            {
                // glibc before 2.33 exports stat only as __xstat; statx (glibc 2.28+) has one layout everywhere.
                s_noStatSymbol = true;
            }
        }

        if (LibcStatx(AtFdCwd, path, 0, StatxIno, buffer) != 0)
        {
            identity = default;
            return Marshal.GetLastPInvokeError();
        }

        var device = ((ulong)MemoryMarshal.Read<uint>(buffer.AsSpan(136)) << 32) | MemoryMarshal.Read<uint>(buffer.AsSpan(140));
        identity = new FileIdentity(device, MemoryMarshal.Read<ulong>(buffer.AsSpan(32)));
        return 0;
    }

    /// <summary>The C library's text for <paramref name="errno"/>, with its symbolic name for the common ones.</summary>
    public static string Describe(int errno) => errno switch
    {
        EPerm => "operation not permitted (EPERM)",
        ENoEnt => "no such file or directory (ENOENT)",
        EAcces => "permission denied (EACCES)",
        ENotDir => "not a directory (ENOTDIR)",
        ENoSpc => "no space left on device (ENOSPC)",
        ERofs => "read-only file system (EROFS)",
        EDQuot => "disk quota exceeded (EDQUOT)",
        _ => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})",
    };
}
