using Akka.TestKit;

namespace AkkaRpc.Sqlite.Tests.Owners;

/// <summary>The attacks of issue 11, item 1: one client's statement must not change what the others get.</summary>
public sealed class HostileStatementTests : OwnerTestKit
{
    [Fact]
    public void AHeapLimitPragma_IsRefused_AndEveryDatabase_OldOrNew_KeepsWorking()
    {
        var victim = Resolve("victim");
        Exec(victim, "CREATE TABLE t (v BLOB)");
        var attacker = CreateTestProbe();
        var hostile = Resolve("hostile");

        var refused = AssertOwnerPragmaRefused(hostile, attacker, "hard_heap_limit = 1000000");
        Assert.Contains("memory for the whole node process", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalReason.OwnerPragma, Ask<StatementRefused>(hostile, attacker, new Query("PRAGMA soft_heap_limit = 1")).Reason);

        // More than the refused limit would have allowed, on another database and on one opened afterwards.
        Exec(victim, "INSERT INTO t VALUES (zeroblob(4000000))");
        Assert.Equal(4_000_000L, Request<QueryResult>(victim, new Query("SELECT length(v) FROM t")).Rows[0][0].AsInteger());
        var fresh = Resolve("fresh");
        Exec(fresh, "CREATE TABLE t (v)");
        Assert.Equal(0L, Request<QueryResult>(fresh, new Query("PRAGMA hard_heap_limit")).Rows[0][0].AsInteger());
    }

    [Fact]
    public void IgnoringCheckConstraints_IsRefused_SoAnotherClientsRowThatBreaksACheck_IsStillRejected()
    {
        var owner = Resolve("checks");
        Exec(owner, "CREATE TABLE accounts (owner TEXT, balance INTEGER CHECK (balance >= 0))");
        var attacker = CreateTestProbe();

        AssertOwnerPragmaRefused(owner, attacker, "ignore_check_constraints = 1");

        var broken = Request<SqlError>(owner, new Execute("INSERT INTO accounts VALUES ('victim', -5)"));
        Assert.Equal(275, broken.ExtendedCode); // SQLITE_CONSTRAINT_CHECK
        Assert.Equal(0, Count(owner, "accounts"));
        Exec(owner, "INSERT INTO accounts VALUES ('victim', 5)");
    }

    [Fact]
    public void AMaxPageCountOfOne_IsRefused_AndTheDatabaseKeepsGrowing()
    {
        var owner = Resolve("pages");
        Exec(owner, "CREATE TABLE t (v BLOB)");
        var attacker = CreateTestProbe();

        AssertOwnerPragmaRefused(owner, attacker, "max_page_count = 1");

        for (var i = 0; i < 5; i++)
        {
            Exec(owner, "INSERT INTO t VALUES (zeroblob(100000))");
        }

        Assert.True(Request<QueryResult>(owner, new Query("PRAGMA page_count")).Rows[0][0].AsInteger() > 100);
    }

    [Theory]
    [InlineData("CREATE TEMP TRIGGER steal AFTER INSERT ON accounts BEGIN UPDATE accounts SET owner = 'attacker' WHERE rowid = new.rowid; END")]
    [InlineData("CREATE TRIGGER temp.steal AFTER INSERT ON accounts BEGIN UPDATE accounts SET owner = 'attacker' WHERE rowid = new.rowid; END")]
    [InlineData("CREATE TEMP VIEW accounts AS SELECT 'attacker' AS owner, 1000000 AS balance")]
    [InlineData("CREATE TEMP TABLE accounts (owner TEXT, balance INTEGER)")]
    public void ATempObject_ThatWouldRewriteOrShadowAnotherClientsRows_IsRefused(string sql)
    {
        var owner = Resolve("shared");
        Exec(owner, "CREATE TABLE accounts (owner TEXT, balance INTEGER)");
        var attacker = CreateTestProbe();

        var refused = Ask<StatementRefused>(owner, attacker, new Execute(sql));
        Assert.Equal(RefusalReason.TempObject, refused.Reason);
        Assert.Contains("temp objects live on the one connection every client", refused.Message, StringComparison.Ordinal);

        Exec(owner, "INSERT INTO accounts VALUES ('victim', 10)");
        var rows = Request<QueryResult>(owner, new Query("SELECT owner, balance FROM accounts"));
        Assert.Equal("victim", Assert.Single(rows.Rows)[0].AsText());
        Assert.Equal(10L, rows.Rows[0][1].AsInteger());
    }

    private static StatementRefused AssertOwnerPragmaRefused(Akka.Actor.IActorRef owner, TestProbe client, string pragma)
    {
        var refused = Ask<StatementRefused>(owner, client, new Execute("PRAGMA " + pragma));
        Assert.Equal(RefusalReason.OwnerPragma, refused.Reason);
        Assert.Contains(pragma, refused.Message, StringComparison.Ordinal);
        return refused;
    }

    private static T Ask<T>(Akka.Actor.IActorRef owner, TestProbe client, DatabaseRequest request)
        where T : DatabaseReply
    {
        owner.Tell(request, client.Ref);
        return client.ExpectMsg<T>();
    }
}
