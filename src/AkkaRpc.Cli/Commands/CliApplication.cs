using System.CommandLine;
using System.CommandLine.Invocation;
using AkkaRpc.Client;

namespace AkkaRpc.Cli.Commands;

/// <summary>Builds the <c>akkarpc</c> command tree and runs a command line through it.</summary>
internal static class CliApplication
{
    /// <summary>Creates the root command with every subcommand attached.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "akkarpc: share SQLite databases between processes through actors, and measure how fast it is.\n" +
            "Exit codes: 0 success, 1 failure, 2 usage error, 130 interrupted (Ctrl+C).");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(BenchWorkerCommand.Create());
        root.Subcommands.Add(BenchServerCommands.CreateHttp());
        root.Subcommands.Add(BenchServerCommands.CreateRaw());
        root.Subcommands.Add(BenchServiceServerCommand.Create());
        root.Subcommands.Add(QueryCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(StopCommand.Create());
        root.Subcommands.Add(Cluster.ClusterCommand.Create());
        root.Subcommands.Add(ReliabilityCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers, and returns the exit code.</summary>
    /// <remarks>
    /// Parse errors are reported here rather than by System.CommandLine's default action because that
    /// one exits with 1, and scripts need to tell "you called it wrong" (2) from "it failed" (1).
    /// </remarks>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        ParseResult parseResult = CreateRootCommand().Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (System.CommandLine.Parsing.ParseError parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync($"Run '{CommandPath(parseResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        // Ctrl+C and SIGTERM cancel the command's token; a node then needs time to drain before the process ends.
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = ServeCommand.ShutdownTimeout + TimeSpan.FromSeconds(5),
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Wraps a command body so that failures become a one-line message and exit code 1, never a crash dump.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Guard(Func<ParseResult, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return async (parseResult, cancellationToken) =>
        {
            TextWriter error = parseResult.InvocationConfiguration.Error;
            try
            {
                return await body(parseResult, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("Cancelled.");
                return ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Failure;
            }
            catch (SqlErrorException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message} (SQLite error {ex.PrimaryCode}, extended {ex.ExtendedCode})");
                return ExitCodes.Failure;
            }
            catch (AkkaRpcException ex)
            {
                // Every client failure says what happened and what to do; a stack trace would only bury that.
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Failure;
            }
#pragma warning disable CA1031 // The outermost handler of a command: anything else is a bug, reported whole with its stack trace.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // The trace first and the cause last: a spawning client shows the end of a failed node's log, and
                // Akka's start-up wraps the cause in several AggregateExceptions.
                await error.WriteLineAsync(ex.ToString());
                await error.WriteLineAsync($"error: {RootCause(ex).Message}");
                return ExitCodes.Failure;
            }
        };
    }

    /// <summary>The exception that says what went wrong, under the wrappers that tasks and reflection add.</summary>
    internal static Exception RootCause(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException or TypeInitializationException
               && exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new Stack<string>();
        for (System.CommandLine.Parsing.SymbolResult? result = parseResult.CommandResult; result is not null; result = result.Parent)
        {
            if (result is System.CommandLine.Parsing.CommandResult command)
            {
                names.Push(command.Command is RootCommand ? "akkarpc" : command.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
