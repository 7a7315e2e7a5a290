namespace AkkaRpc.Client.Tests;

public sealed class ErrorMapperTests
{
    [Fact]
    public void AStatementStoppedAtItsTimeLimit_IsARefusal_WithAKnownOutcome_AndTheNodesMessage()
    {
        var timedOut = new StatementTimedOut("select 1", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TransactionRolledBack: false);

        var error = Assert.IsType<StatementRefusedException>(ErrorMapper.Map(timedOut));

        Assert.Equal(timedOut.Message, error.Message);
        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public void AStatementStoppedAtItsTimeLimitInsideATransaction_OrABatch_ReportsTheTransactionAsGone()
    {
        var timedOut = new StatementTimedOut("update t set a = 1", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TransactionRolledBack: true);

        Assert.IsType<TransactionException>(ErrorMapper.Map(timedOut));
        Assert.IsType<TransactionException>(ErrorMapper.Map(new BatchFailed(2, timedOut)));
        Assert.Contains("rolled back", ErrorMapper.Map(timedOut).Message, StringComparison.Ordinal);
    }
}
