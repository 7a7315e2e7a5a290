namespace AkkaRpc.Data;

/// <summary>One statement of a command text.</summary>
/// <param name="Sql">Its text, without the separating semicolon.</param>
/// <param name="Parameters">The named parameters it uses (<c>$id</c>, <c>:id</c>, <c>@id</c>, <c>?1</c>), each once, in order of appearance.</param>
/// <param name="HasBareMarkers">Whether it uses plain <c>?</c> markers, which only positional values can fill.</param>
/// <param name="ReturnsRows">Whether it reads as a query (SELECT, VALUES, WITH, PRAGMA, EXPLAIN) or returns rows (RETURNING): it runs as a query, its rows a result set.</param>
/// <param name="CountsChanges">Whether its changes count in RecordsAffected: not for a query, as Microsoft.Data.Sqlite counts only statements that write.</param>
internal sealed record SqlStatement(string Sql, IReadOnlyList<string> Parameters, bool HasBareMarkers, bool ReturnsRows, bool CountsChanges);
