using System.CommandLine;
using AkkaRpc.Cli.Benchmarking;
using AkkaRpc.Cli.Suites.Owner;

namespace AkkaRpc.Cli.Commands;

/// <summary><c>akkarpc bench owner</c>: statements through a database owner actor against a bare SQLite connection.</summary>
internal static class BenchOwnerCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new BenchOptions();
        var command = new Command(
            "owner",
            "Point query by primary key and single-row insert, one at a time, through a DatabaseOwner actor (Ask) next to the " +
            "same prepared statements on a bare SqliteConnection with the same settings (the floor), in one process.");
        options.AddTo(command);
        command.SetAction(CliApplication.Guard((parseResult, cancellationToken) => RunAsync(parseResult, options, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, BenchOptions options, CancellationToken cancellationToken)
    {
        string directory = Directory.CreateTempSubdirectory("akkarpc-bench-owner-").FullName;
        try
        {
            var databases = BenchConfiguration.Databases(directory);
            await using var bare = new BareSqliteTarget(Path.Combine(directory, "bare.db"), databases.Database.Synchronous);
            await using var owner = await OwnerTarget.StartAsync(databases, "owner", cancellationToken);
            IBenchmarkScenario[] scenarios =
            [
                new StatementLatencyScenario(bare, insert: false),
                new StatementLatencyScenario(owner, insert: false),
                new StatementLatencyScenario(bare, insert: true),
                new StatementLatencyScenario(owner, insert: true),
            ];
            return await SuiteReport.RunAsync(parseResult, options, "owner", BareSqliteTarget.SystemName, scenarios, cancellationToken);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
