namespace AkkaRpc.Sqlite;

/// <summary>The SQLite result and action codes the engine acts on, with SQLite's names.</summary>
internal static class SqliteCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Busy = 5;
    public const int Locked = 6;
    public const int Interrupt = 9;
    public const int IoErr = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int Auth = 23;
    public const int Range = 25;
    public const int NotADb = 26;
    public const int Row = 100;
    public const int Done = 101;
    public const int ReadOnlyDbMoved = 8 | (4 << 8);

    public const int ActionCreateIndex = 1;
    public const int ActionCreateTable = 2;
    public const int ActionCreateTempIndex = 3;
    public const int ActionCreateTempTable = 4;
    public const int ActionCreateTempTrigger = 5;
    public const int ActionCreateTempView = 6;
    public const int ActionCreateTrigger = 7;
    public const int ActionCreateView = 8;
    public const int ActionInsert = 18;
    public const int ActionPragma = 19;
    public const int ActionTransaction = 22;
    public const int ActionAttach = 24;
    public const int ActionDetach = 25;
    public const int ActionCreateVtable = 29;
    public const int ActionFunction = 31;
    public const int ActionSavepoint = 32;

    public const int Deny = 1;

    public const int DbConfigDefensive = 1010;
    public const int FcntlHasMoved = 20;
    public const int StmtStatusReprepare = 5;

    /// <summary>Whether a result code means the connection can no longer be trusted, so the owner must restart.</summary>
    public static bool IsConnectionFatal(int extendedCode) =>
        (extendedCode & 0xFF) is IoErr or Corrupt or Full or CantOpen or NotADb
        || extendedCode == ReadOnlyDbMoved;
}
