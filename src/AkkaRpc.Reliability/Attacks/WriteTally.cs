namespace AkkaRpc.Reliability.Attacks;

/// <summary>Inserts into one table that were acknowledged: each one must be found there after a restart.</summary>
/// <param name="Database">The database.</param>
/// <param name="Table">The table, which receives nothing but these inserts (and ones whose outcome was unknown).</param>
/// <param name="Acknowledged">How many inserts were acknowledged.</param>
internal sealed record WriteTally(string Database, string Table, long Acknowledged);
