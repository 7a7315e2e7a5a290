using System.CommandLine;
using System.Text.Json;
using AkkaRpc.Reliability.Attacks;
using AkkaRpc.Reliability.Reporting;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Cli.Commands;

/// <summary>
/// <c>akkarpc reliability</c>: attacks real nodes (kills, pauses, hostile clients, runaway SQL, operator mistakes) and
/// prints what each left behind: outcome, acknowledged writes, rows present after a restart, node still serving.
/// </summary>
internal static class ReliabilityCommand
{
    /// <summary>Creates the command and its hidden helper <c>hold-transaction</c>.</summary>
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "The short form run in CI: small counts and pauses, the whole run well under two minutes." };
        var json = new Option<FileInfo>("--json") { Description = "Also write the table as JSON to this file." };
        var only = new Option<string[]>("--only") { Description = "Run only the attacks whose name contains one of these words (case-insensitive).", AllowMultipleArgumentsPerToken = true };
        var timeFactor = new Option<double>("--time-factor") { Description = "Stretch node start, serving check and attack ceilings on a slow machine [default: 1].", DefaultValueFactory = _ => 1 };
        var command = new Command(
            "reliability",
            "Attack real akkarpc serve nodes, each in a temporary directory, one attack at a time: SIGKILL and SIGSTOP under writers, bad handshakes " +
            "and frames, bad names, SQL that reaches outside its database, and every hardening item of issue 11. Prints attack, outcome, acknowledged " +
            "writes, rows present after a restart, lost writes and whether the node still serves a fresh client. Exits 1 when an acknowledged write " +
            "was lost or a node stopped serving. The default long form takes several minutes.")
        {
            quick, json, only, timeFactor,
        };
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            var factor = parseResult.GetValue(timeFactor);
            if (factor <= 0 || double.IsInfinity(factor) || double.IsNaN(factor))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync("error: --time-factor must be a positive number.");
                return ExitCodes.Usage;
            }

            var profile = parseResult.GetValue(quick) ? SuiteProfile.Quick : SuiteProfile.Long;
            var words = parseResult.GetValue(only) ?? [];
            var attacks = AttackCatalog.For(profile)
                .Where(a => words.Length == 0 || words.Any(w => a.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            var error = parseResult.InvocationConfiguration.Error;
            var suite = new ReliabilitySuite(profile, factor, line => error.WriteLine(line));
            var report = await suite.RunAsync(attacks, cancellationToken);
            ResultTable.Write(CliConsole.Create(parseResult.InvocationConfiguration.Output), report);
            if (parseResult.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(report, ReportJsonContext.Default.SuiteReport), cancellationToken);
            }

            return report.Results.All(r => r.LostWrites is 0 && r.NodeServing) ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        command.Subcommands.Add(HoldTransaction());
        return command;
    }

    private static Command HoldTransaction()
    {
        var socket = new Option<string>("--socket") { Required = true };
        var cookie = new Option<string>("--cookie") { Required = true };
        var database = new Option<string>("--database") { Required = true };
        var command = new Command("hold-transaction", "Used by the suite: begin a transaction, write in it, print 'holding' and wait to be killed.")
        {
            socket, cookie, database,
        };
        command.Hidden = true;
        command.SetAction(CliApplication.Guard(async (parseResult, cancellationToken) =>
        {
            await TransactionHolder.RunAsync(
                parseResult.GetValue(socket)!,
                parseResult.GetValue(cookie)!,
                parseResult.GetValue(database)!,
                TimeSpan.FromMinutes(5),
                parseResult.InvocationConfiguration.Output,
                cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
