using Akka.Configuration;
using AkkaRpc.Bench.Systems;
using AkkaRpc.Bench.Systems.Owner;
using AkkaRpc.Hosting;
using AkkaRpc.Protocol;
using AkkaRpc.Testing;

namespace AkkaRpc.Bench.Tests.Systems;

/// <summary><c>owner_inprocess</c>: a real supervisor and owner in the load process, asked directly, and how its answers become results or errors.</summary>
public sealed class OwnerBenchSystemTests : AkkaRpcTestKit
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-owner-bench-");

    private static TimeSpan Ceiling => TestTime.Seconds(30);

    [Fact]
    public async Task TheOwner_ServesTheBenchmarksStatements_OnTheSeededSchema()
    {
        await using var system = Owner();
        await system.PrepareAsync(CancellationToken.None).WaitAsync(Ceiling);
        await system.PrepareAsync(CancellationToken.None).WaitAsync(Ceiling); // idempotent, as every system's is
        await using var connection = await system.ConnectAsync(CancellationToken.None);

        await connection.PingAsync(CancellationToken.None);
        Assert.Equal(Transfer.None, await connection.PointQueryAsync(BenchSchema.SeedRows, CancellationToken.None));
        await connection.InsertAsync(42, CancellationToken.None);
        var (id, up) = await connection.UploadBlobAsync(new byte[1000], CancellationToken.None);
        Assert.Equal(new Transfer(1000, 0), up);
        Assert.Equal(new Transfer(0, 1000), await connection.DownloadBlobAsync(id, 1000, CancellationToken.None));
        await connection.UploadChunkAsync(7, 0, new byte[64], CancellationToken.None);
        Assert.Equal(new Transfer(0, 64), await connection.DownloadChunkAsync(7, 0, 64, CancellationToken.None));
        await connection.DeleteTransferAsync(7, CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(_directory.FullName, "owner", "bench.db")), "the owner's database is in the endpoint's directory");
    }

    [Fact]
    public async Task OverlappingCalls_OnOneConnection_AllComplete()
    {
        await using var system = Owner();
        await system.PrepareAsync(CancellationToken.None).WaitAsync(Ceiling);
        await using var connection = await system.ConnectAsync(CancellationToken.None);

        var calls = Enumerable.Range(1, 64).Select(i => connection.PointQueryAsync(i, CancellationToken.None));

        Assert.All(await Task.WhenAll(calls).WaitAsync(Ceiling), t => Assert.Equal(Transfer.None, t));
    }

    [Fact]
    public async Task AMissingRowOrAShortBlob_FailsTheOperation_AndTheOwnerKeepsServing()
    {
        await using var system = Owner();
        await system.PrepareAsync(CancellationToken.None).WaitAsync(Ceiling);
        await using var connection = await system.ConnectAsync(CancellationToken.None);
        var (id, _) = await connection.UploadBlobAsync(new byte[10], CancellationToken.None);

        var missing = await Assert.ThrowsAsync<InvalidDataException>(() => connection.PointQueryAsync(BenchSchema.SeedRows + 1, CancellationToken.None));
        var shortBlob = await Assert.ThrowsAsync<InvalidDataException>(() => connection.DownloadBlobAsync(id, 11, CancellationToken.None));

        Assert.Contains($"Row {BenchSchema.SeedRows + 1} is missing", missing.Message, StringComparison.Ordinal);
        Assert.Contains("came back with 10 bytes instead of 11", shortBlob.Message, StringComparison.Ordinal);
        Assert.Equal(Transfer.None, await connection.PointQueryAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task ADatabaseNameTheSupervisorRefuses_FailsPreparing_WithItsMessage()
    {
        await using var system = Owner(database: "../escape");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => system.PrepareAsync(CancellationToken.None)).WaitAsync(Ceiling);

        Assert.Contains("'../escape' is not a valid database name", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidDatabaseName), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDatabasesSettings_ComeFromTheBenchConfiguration()
    {
        // A limit below the schema's statements: the owner refuses them, so the settings reached it.
        var settings = ConfigurationFactory.ParseString("akkarpc.databases.max-statement-length = 20").WithFallback(AkkaRpcConfiguration.Reference);
        await using var system = Owner(settings: settings);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => system.PrepareAsync(CancellationToken.None)).WaitAsync(Ceiling);

        Assert.Contains("Execute failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorReply_BecomesAnExceptionCarryingItsMessage()
    {
        var owner = CreateTestProbe();

        var asked = OwnerBenchSystem.AskAsync<QueryResult>(owner.Ref, new Query("SELECT nope"), CancellationToken.None);
        owner.ExpectMsg<Query>();
        owner.Reply(new SqlError(1, 1, "no such column: nope"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => asked).WaitAsync(Ceiling);
        Assert.Equal("Query failed: no such column: nope (SqlError)", error.Message);
    }

    [Fact]
    public async Task AReplyOfAnotherKind_IsAnError_NotASuccess()
    {
        var owner = CreateTestProbe();

        var asked = OwnerBenchSystem.AskAsync<QueryResult>(owner.Ref, new Query("SELECT 1"), CancellationToken.None);
        owner.ExpectMsg<Query>();
        owner.Reply(new ExecuteResult(0, 0));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => asked).WaitAsync(Ceiling);
        Assert.Equal("Query was answered ExecuteResult, not QueryResult.", error.Message);
    }

    [Fact]
    public async Task Disposing_DrainsAndClosesTheDatabase()
    {
        var system = Owner();
        await system.PrepareAsync(CancellationToken.None).WaitAsync(Ceiling);
        string wal = Path.Combine(_directory.FullName, "owner", "bench.db-wal");
        Assert.True(File.Exists(wal), "the owner keeps its database open in WAL mode while it serves");

        await system.DisposeAsync().AsTask().WaitAsync(Ceiling);

        // The owner closed its connection: SQLite removes the write-ahead log with the last one.
        Assert.False(File.Exists(wal));
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Delete(recursive: true);
        }
    }

    private OwnerBenchSystem Owner(string database = "bench", Config? settings = null) =>
        new(new SystemEndpoint(SystemCatalog.Owner, SystemKind.DatabaseOwner, Path.Combine(_directory.FullName, "owner"), database), settings ?? AkkaRpcConfiguration.Reference);
}
