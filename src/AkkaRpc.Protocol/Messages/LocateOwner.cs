namespace AkkaRpc.Protocol;

/// <summary>
/// Asks <c>/user/databases</c> for the owner of a database itself, starting it if needed, as <see cref="Resolve"/> does,
/// with the same answers. A single node answers both alike. A cluster member answers <see cref="Resolve"/> with a relay
/// of its own (it reaches the owner wherever it runs), but this one with the owner's own reference, on whichever member
/// runs it: a client that can reach that member sends its requests there directly, one network hop as to a single
/// node, and falls back to <see cref="Resolve"/> (the relay) when it cannot.
/// </summary>
/// <param name="Name">The database's name (see <c>DatabaseNames</c>).</param>
public sealed record LocateOwner(string Name);
