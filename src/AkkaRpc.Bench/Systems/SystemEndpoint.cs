namespace AkkaRpc.Bench.Systems;

/// <summary>Where a system under test is and how to reach it; what a worker in another process needs to connect.</summary>
/// <param name="Key">The system's key in reports, e.g. <c>akkarpc_tcp</c>.</param>
/// <param name="Kind">What kind of system it is.</param>
/// <param name="Address">
/// A node address (<c>akka.rpc.tcp://AkkaRpc@host:port</c>, <c>akka.rpc.unix://AkkaRpc@%2Fpath:0</c> or
/// <c>akka.tcp://AkkaRpc@host:port</c>), an HTTP base URL, a raw socket
/// address (<c>tcp://host:port</c>, <c>unix:/path</c>) or a database file path or directory.
/// </param>
/// <param name="Database">The database name on a node (AkkaRpc only; empty otherwise).</param>
/// <param name="Databases">
/// How many databases the clients spread over: 1 for <paramref name="Database"/> alone; more for
/// <c>Database-0</c> … <c>Database-(n-1)</c> (see <see cref="DatabaseAt"/>).
/// </param>
/// <remarks>A cluster's <paramref name="Address"/> lists its members' node addresses separated by <see cref="AddressSeparator"/>.</remarks>
internal sealed record SystemEndpoint(string Key, SystemKind Kind, string Address, string Database, int Databases = 1)
{
    /// <summary>What separates the members' addresses in a cluster's <see cref="Address"/>: no node address contains it.</summary>
    public const char AddressSeparator = ' ';

    /// <summary>Gets the node addresses of <see cref="Address"/>: one, or a cluster's members.</summary>
    public IReadOnlyList<string> Addresses => Address.Split(AddressSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The name of database number <paramref name="index"/> (wrapping around) of those the clients spread over.</summary>
    public string DatabaseAt(int index) => Databases == 1 ? Database : $"{Database}-{index % Databases}";

    /// <summary>Whether load for this system can come from another process (everything but what lives in the load process).</summary>
    public bool IsRemote => Kind is not (SystemKind.InProcessSqlite or SystemKind.DatabaseOwner);
}
