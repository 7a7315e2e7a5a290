using AkkaRpc.Data;
using Dapper;

namespace AkkaRpc.Client.Tests.Data;

/// <summary>The README's Dapper snippet, run as written (only its connection string points at the test node).</summary>
public sealed class ReadmeSnippetTests(DifferentialFixture fixture) : IClassFixture<DifferentialFixture>
{
    public sealed record Item(long Id, string Name, double Price);

    [Fact]
    public async Task TheReadmeDapperSnippet_Runs()
    {
        var connectionString = fixture.AkkaRpcConnectionString("orders");

        // README begin
        await using var connection = new AkkaRpcConnection(connectionString);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL)");
        await connection.ExecuteAsync("INSERT INTO items (name, price) VALUES (@name, @price)", new { name = "widget", price = 2.5 });
        var cheap = await connection.QueryAsync<Item>("SELECT id, name, price FROM items WHERE price < @max", new { max = 10.0 });
        // README end

        Assert.Equal([new Item(1, "widget", 2.5)], cheap);
    }

    [Fact]
    public void TheReadme_ShowsExactlyTheSnippetThisTestRuns()
    {
        var source = File.ReadAllText(RepositoryRoot.File("tests/AkkaRpc.Client.Tests/Data/ReadmeSnippetTests.cs"));
        var begin = source.IndexOf("// README begin", StringComparison.Ordinal);
        var snippet = source[(source.IndexOf('\n', begin) + 1)..source.IndexOf("// README end", StringComparison.Ordinal)];
        var lines = snippet.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => l.Replace("new AkkaRpcConnection(connectionString)", "new AkkaRpcConnection(\"Database=orders\")", StringComparison.Ordinal));
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        Assert.Contains(string.Join("\n", lines), readme, StringComparison.Ordinal);
    }
}
