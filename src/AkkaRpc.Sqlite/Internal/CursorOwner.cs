using Akka.Actor;

namespace AkkaRpc.Sqlite;

/// <summary>Whose a cursor is, and the time limit each of its fetches runs under (its query's).</summary>
/// <param name="Client">The address of the client's system; null for a caller of the engine that names none.</param>
/// <param name="TimeLimit">The limit its query ran under.</param>
internal readonly record struct CursorOwner(Address? Client, TimeSpan TimeLimit);
