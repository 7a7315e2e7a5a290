using System.Data.Common;

namespace AkkaRpc.Client.Tests.Data;

/// <summary>
/// Runs each case on both providers, each on its own open connection to a database of the case group's name, and
/// collects every case whose outcomes differ; <see cref="AssertSame"/> fails with all of them at once.
/// </summary>
internal sealed class Differ : IAsyncDisposable
{
    private readonly List<string> _mismatches = [];
    private readonly DbConnection _sqlite;
    private readonly DbConnection _akkaRpc;

    private Differ(DbConnection sqlite, DbConnection akkaRpc)
    {
        _sqlite = sqlite;
        _akkaRpc = akkaRpc;
    }

    public int Cases { get; private set; }

    public static async Task<Differ> OpenAsync(DifferentialFixture fixture, string database, params string[] setup)
    {
        var differ = new Differ(fixture.Sqlite(database), fixture.AkkaRpc(database));
        foreach (var connection in new[] { differ._sqlite, differ._akkaRpc })
        {
            await connection.OpenAsync();
            foreach (var sql in setup)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        }

        return differ;
    }

    /// <summary>Runs <paramref name="body"/> on both sides; returns the (equal or not) outcomes, Microsoft.Data.Sqlite's first.</summary>
    public async Task<(string Sqlite, string AkkaRpc)> Case(string name, Func<DbConnection, Task<object?>> body)
    {
        Cases++;
        var expected = await Outcome.Of(() => body(_sqlite));
        var actual = await Outcome.Of(() => body(_akkaRpc));
        if (expected != actual)
        {
            _mismatches.Add($"{name}\n    Microsoft.Data.Sqlite: {expected}\n    AkkaRpc:               {actual}");
        }

        return (expected, actual);
    }

    /// <summary>A synchronous case.</summary>
    public Task<(string Sqlite, string AkkaRpc)> Case(string name, Func<DbConnection, object?> body) =>
        Case(name, c => Task.FromResult(body(c)));

    public void AssertSame(int atLeast)
    {
        Assert.True(Cases >= atLeast, $"only {Cases} cases ran");
        Assert.True(_mismatches.Count == 0, $"{_mismatches.Count} of {Cases} cases differ:\n" + string.Join("\n", _mismatches));
    }

    public async ValueTask DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _akkaRpc.DisposeAsync();
    }
}
