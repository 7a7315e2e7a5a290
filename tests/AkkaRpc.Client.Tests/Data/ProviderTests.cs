using System.Data;
using AkkaRpc.Data;
using Dapper;

namespace AkkaRpc.Client.Tests.Data;

/// <summary>What the AkkaRpc provider does beyond (or instead of) Microsoft.Data.Sqlite: its connection string, paging, threads, cancellation, time limits.</summary>
public sealed class ProviderTests(DifferentialFixture fixture) : IClassFixture<DifferentialFixture>
{
    private const string Runaway = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s) SELECT count(*) FROM s";

    [Fact]
    public async Task AnUnknownKeywordOrABadValue_IsAnArgumentExceptionNamingIt_AndAGoodStringThenWorks()
    {
        var unknown = Assert.Throws<ArgumentException>(() => new AkkaRpcConnection("Database=x;Colour=blue"));
        Assert.Contains("'Colour' is not supported", unknown.Message, StringComparison.OrdinalIgnoreCase);
        var bad = Assert.Throws<ArgumentException>(() => new AkkaRpcConnectionStringBuilder("Database=x;Tcp Port=many"));
        Assert.Contains("'Tcp Port' has the value 'many'", bad.Message, StringComparison.Ordinal);
        await using var noDatabase = new AkkaRpcConnection(fixture.AkkaRpcConnectionString("").Replace("Database=;", "", StringComparison.Ordinal));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => noDatabase.OpenAsync());
        Assert.Contains("Database=", missing.Message, StringComparison.Ordinal);

        // "Data Source" is Microsoft.Data.Sqlite's keyword: a connection string moved over needs only its value changed.
        var settings = new AkkaRpcConnectionStringBuilder(fixture.AkkaRpcConnectionString("keywords")) { ["Data Source"] = "moved" };
        Assert.Equal("moved", settings.Database);
        await using var connection = new AkkaRpcConnection(settings.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal("moved", connection.Database);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT 1"));
    }

    [Fact]
    public async Task UnnamedParameters_FillPlainQuestionMarks_InOrder()
    {
        await using var connection = await OpenAsync("positional");
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ? || ? || ?";
        command.Parameters.Add(new AkkaRpcParameter { Value = "a" });
        command.Parameters.Add(new AkkaRpcParameter { Value = 1 });
        command.Parameters.Add(new AkkaRpcParameter { Value = 2.5 });
        Assert.Equal("a12.5", await command.ExecuteScalarAsync());

        command.Parameters.RemoveAt(2);
        var error = await Assert.ThrowsAsync<SqlErrorException>(() => command.ExecuteScalarAsync());
        Assert.Equal(25, error.SqliteErrorCode); // SQLITE_RANGE: three markers, two values
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT 1"));
    }

    [Fact]
    public async Task RowsStreamPageByPage_AndAReaderDisposedEarly_ClosesItsCursorOnTheNode()
    {
        await using var connection = await OpenAsync("paging");
        await connection.ExecuteAsync("CREATE TABLE big(x INTEGER)");
        await connection.ExecuteAsync("INSERT INTO big(x) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2500) SELECT x FROM n");

        long cursor;
        await using (var reader = await connection.CreateCommand().Configure("SELECT x FROM big ORDER BY x").ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            cursor = Assert.IsType<long>(reader.CursorId); // more than one page: the rest waits on the node
        }

        // The cursor is gone on the node: fetching from it is refused, and the connection serves on.
        var handle = await AkkaRpcClient.ConnectAsync("paging", fixture.Node.ClientOptions());
        await using (handle)
        {
            await Assert.ThrowsAsync<StatementRefusedException>(() => handle.FetchPageAsync(cursor, null, null, CancellationToken.None));
        }

        await using var all = await connection.CreateCommand().Configure("SELECT x FROM big ORDER BY x").ExecuteReaderAsync();
        long count = 0, last = 0;
        while (await all.ReadAsync())
        {
            (count, last) = (count + 1, all.GetInt64(0));
        }

        Assert.Equal((2500, 2500), (count, last));
    }

    [Fact]
    public async Task SyncCalls_OnAThreadWithASynchronizationContext_DoNotDeadlock()
    {
        await using var connection = await OpenAsync("threads");
        var result = await SingleThreadContext.RunAsync(() =>
        {
            using var command = connection.CreateCommand().Configure("SELECT 41 + 1");
            using var tx = connection.BeginTransaction();
            var value = command.ExecuteScalar();
            tx.Commit();
            return value;
        }).WaitAsync(TestNode.Ceiling);
        Assert.Equal(42L, result);
    }

    [Fact]
    public async Task ACancelledCall_ThrowsOperationCanceled_AndTheConnectionServesOn()
    {
        await using var connection = await OpenAsync("cancel");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.CreateCommand().Configure("SELECT 1").ExecuteScalarAsync(cancelled.Token));
        Assert.Equal(1L, await connection.CreateCommand().Configure("SELECT 1").ExecuteScalarAsync());
    }

    [Fact]
    public async Task CommandTimeout_StopsARunawayStatementOnTheNode_AndTheDatabaseServesOn()
    {
        await using var connection = await OpenAsync("timeout");
        var command = connection.CreateCommand().Configure(Runaway);
        command.CommandTimeout = (int)Math.Ceiling(TestTime.Seconds(1).TotalSeconds);
        var error = await Assert.ThrowsAsync<StatementRefusedException>(() => command.ExecuteScalarAsync().WaitAsync(TestNode.Ceiling));
        Assert.Contains("ran longer than its time limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT 1"));
    }

    [Fact]
    public async Task TheFactoryAndDataSource_HandOutWorkingConnections_AndTheSchemaTableNamesTheColumns()
    {
        await using var source = AkkaRpcFactory.Instance.CreateDataSource(fixture.AkkaRpcConnectionString("factory"));
        await using var connection = await source.OpenConnectionAsync();
        Assert.Equal(ConnectionState.Open, connection.State);
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT); SELECT id, name, 1.5 AS r FROM t";
        await using var reader = await command.ExecuteReaderAsync();
        var schema = reader.GetSchemaTable()!;
        Assert.Equal(["id", "name", "r"], schema.Rows.Cast<DataRow>().Select(r => (string)r["ColumnName"]));
        // An expression has no declared type; with no row to look at, it reads as BLOB, as in Microsoft.Data.Sqlite.
        Assert.Equal(["INTEGER", "TEXT", "BLOB"], schema.Rows.Cast<DataRow>().Select(r => (string)r["DataTypeName"]));
    }

    private async Task<AkkaRpcConnection> OpenAsync(string database)
    {
        var connection = new AkkaRpcConnection(fixture.AkkaRpcConnectionString(database));
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>Test helpers for commands.</summary>
internal static class CommandExtensions
{
    public static AkkaRpcCommand Configure(this AkkaRpcCommand command, string sql)
    {
        command.CommandText = sql;
        return command;
    }
}
