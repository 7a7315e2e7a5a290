namespace AkkaRpc.Bench.Systems.Sqlite;

/// <summary>A row of <c>items</c>, as the HTTP baseline sends it in JSON.</summary>
/// <param name="Id">Primary key.</param>
/// <param name="Name">Name.</param>
/// <param name="Value">Value.</param>
internal sealed record ItemRow(long Id, string Name, long Value);
