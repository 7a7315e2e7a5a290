using AkkaRpc.Protocol;

namespace AkkaRpc.Client.Tests;

/// <summary>More parameters than SQLite binds: the node's decoder refuses such a message, so the client must say why first.</summary>
public sealed class ParameterCountTests
{
    [Fact]
    public async Task AStatementWithMoreParametersThanSqliteTakes_IsRefusedBeforeSending_SayingWhatToDo_AndTheConnectionKeepsWorking()
    {
        await using var node = await TestNode.StartAsync();
        await using var db = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
        await db.ExecuteAsync("CREATE TABLE t(v INTEGER)");

        var tooMany = new object?[SqlParameters.MaxCount + 1];
        var error = await Assert.ThrowsAsync<StatementRefusedException>(
            () => db.ExecuteAsync("INSERT INTO t VALUES (1)", tooMany).WaitAsync(TestNode.Ceiling));
        Assert.Contains($"{SqlParameters.MaxCount + 1:N0} parameters, over SQLite's limit of {SqlParameters.MaxCount:N0}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.False(error.OutcomeUnknown);

        // Also inside a batch; and SQLite's own most still goes through.
        await Assert.ThrowsAsync<StatementRefusedException>(() => db.BatchAsync([("INSERT INTO t VALUES (2)", null), ("SELECT 1", tooMany)]));
        var most = Enumerable.Range(1, SqlParameters.MaxCount).Select(i => (object?)i).ToArray();
        var sql = "SELECT " + string.Join("+", Enumerable.Range(1, 100).Select(i => $"?{i}")) + $" + ?{SqlParameters.MaxCount}";
        Assert.Equal(5050L + SqlParameters.MaxCount, (await db.QueryAsync(sql, most)).Scalar());
        Assert.Equal(0L, (await db.QueryAsync("SELECT count(*) FROM t")).Scalar());
    }
}
