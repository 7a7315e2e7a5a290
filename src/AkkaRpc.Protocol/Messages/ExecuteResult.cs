namespace AkkaRpc.Protocol;

/// <summary>The effect of a statement that has been committed (or is part of the open transaction).</summary>
/// <param name="RowsAffected">Rows inserted, updated or deleted by the statement (SQLite's <c>sqlite3_changes</c>); 0 for other statements.</param>
/// <param name="LastInsertRowId">The connection's last inserted rowid after the statement (<c>sqlite3_last_insert_rowid</c>).</param>
public sealed record ExecuteResult(long RowsAffected, long LastInsertRowId) : DatabaseReply;
