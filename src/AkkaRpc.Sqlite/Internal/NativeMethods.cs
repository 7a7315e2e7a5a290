using System.Runtime.InteropServices;

namespace AkkaRpc.Sqlite;

/// <summary>SQLite functions that SQLitePCLRaw does not wrap, called in the same e_sqlite3 library it loads.</summary>
internal static class NativeMethods
{
    // SQLitePCLRaw's e_sqlite3 provider binds the library by this same name, so both resolve to
    // the one native image that the bundle ships for the platform.
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int sqlite3_file_control(IntPtr db, IntPtr databaseName, int op, ref int argument);

    /// <summary>Asks SQLite whether the main database file was unlinked or renamed since it was opened (<c>SQLITE_FCNTL_HAS_MOVED</c>).</summary>
    /// <returns>True when moved; false when not, or when the VFS cannot tell.</returns>
    public static bool HasMoved(SQLitePCL.sqlite3 db)
    {
        var moved = 0;
        var rc = sqlite3_file_control(db.DangerousGetHandle(), IntPtr.Zero, SqliteCodes.FcntlHasMoved, ref moved);
        return rc == SqliteCodes.Ok && moved != 0;
    }
}
