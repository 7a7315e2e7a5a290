namespace AkkaRpc.Protocol;

/// <summary>SQLite's five storage classes, numbered as SQLite numbers them (<c>SQLITE_INTEGER</c> = 1 … <c>SQLITE_NULL</c> = 5).</summary>
public enum SqlValueKind : byte
{
    /// <summary>An SQL NULL. Also what SQLite stores for a NaN.</summary>
    Null = 5,

    /// <summary>A signed 64-bit integer.</summary>
    Integer = 1,

    /// <summary>An IEEE 754 double, never NaN; ±infinity are stored as reals.</summary>
    Real = 2,

    /// <summary>A UTF-8 string, which may contain NUL characters.</summary>
    Text = 3,

    /// <summary>A byte string; an empty blob is a blob, not NULL.</summary>
    Blob = 4,
}
