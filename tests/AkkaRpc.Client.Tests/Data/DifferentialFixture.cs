using System.Data.Common;
using AkkaRpc.Data;
using Microsoft.Data.Sqlite;

namespace AkkaRpc.Client.Tests.Data;

/// <summary>
/// The two sides of the differential tests: Microsoft.Data.Sqlite on a local file, and the AkkaRpc provider on a real
/// in-process node (the same socket, handshake and owners a separate process would use). Each test names its own
/// database, so the tests do not see each other's tables.
/// </summary>
public sealed class DifferentialFixture : IAsyncLifetime
{
    private TestNode _node = null!;
    private string _files = null!;

    internal TestNode Node => _node;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        _files = Directory.CreateTempSubdirectory("akkarpc-ado-sqlite-").FullName;
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _node.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    /// <summary>A closed Microsoft.Data.Sqlite connection to the local file for <paramref name="database"/>.</summary>
    public DbConnection Sqlite(string database) => new SqliteConnection($"Data Source={Path.Combine(_files, database + ".db")}");

    /// <summary>The AkkaRpc connection string for <paramref name="database"/> on the test node.</summary>
    public string AkkaRpcConnectionString(string database) =>
        $"Database={database};Unix Socket={_node.Socket};Cookie Path={_node.Cookie};Runtime Directory={_node.Directory};Auto Spawn=false;" +
        $"Default Timeout={(int)TestNode.Ceiling.TotalSeconds};Connect Timeout={TestTime.Seconds(5).TotalSeconds}";

    /// <summary>A closed AkkaRpc connection to <paramref name="database"/> on the test node.</summary>
    public DbConnection AkkaRpc(string database) => new AkkaRpcConnection(AkkaRpcConnectionString(database));
}
