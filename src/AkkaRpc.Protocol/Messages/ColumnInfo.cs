namespace AkkaRpc.Protocol;

/// <summary>One result column.</summary>
/// <param name="Name">The column's name as SQLite reports it (its alias, if it has one).</param>
/// <param name="DeclaredType">The declared type of the table column it comes from, or null for an expression.</param>
public sealed record ColumnInfo(string Name, string? DeclaredType);
