using System.CommandLine;
using AkkaRpc.Client;

namespace AkkaRpc.Docker.AckWriter;

/// <summary>
/// <c>ack-writer --database D --log FILE ADDRESS...</c>: writers that insert (writer, seq) rows into table <c>acked</c>
/// through the given members and log every outcome, for scripts/compose-demo.sh to check after a member was killed.
/// </summary>
internal static class AckWriterCommand
{
    /// <summary>Creates the command.</summary>
    public static RootCommand Create()
    {
        var members = new Argument<string[]>("member")
        {
            Description = "Akka addresses of the members to write through, e.g. akka.rpc.tcp://AkkaRpc@member1:4053.",
            Arity = ArgumentArity.OneOrMore,
        };
        var database = new Option<string>("--database") { Description = "The database; table acked is created in it.", Required = true };
        var log = new Option<FileInfo>("--log") { Description = "The log file: one line per insert (ack or fail).", Required = true };
        var writers = new Option<int>("--writers") { Description = "Writers at once, each with its own connection [default: 3].", DefaultValueFactory = _ => 3 };
        var seconds = new Option<int>("--seconds") { Description = "How long they write [default: 60].", DefaultValueFactory = _ => 60 };
        var timeout = new Option<int>("--timeout") { Description = "Request timeout in seconds: how long a write to a dead member hangs [default: 5].", DefaultValueFactory = _ => 5 };
        var command = new RootCommand(
            "Insert numbered rows through AkkaRpc members and log each acknowledgement (ack WRITER SEQ MEMBER UNIX-MS) or failure " +
            "(fail WRITER SEQ MEMBER UNIX-MS ERROR). A writer whose insert fails moves on to the next member; the failed insert's " +
            "outcome is unknown, so it is not retried. Exit code 0 once the time is up, 2 for bad arguments.")
        {
            members, database, log, writers, seconds, timeout,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var settings = new WriterSettings(
                parseResult.GetValue(database)!,
                parseResult.GetValue(members)!,
                parseResult.GetValue(writers),
                TimeSpan.FromSeconds(parseResult.GetValue(seconds)),
                TimeSpan.FromSeconds(parseResult.GetValue(timeout)));
            if (settings.Validate() is { } problem)
            {
                await error.WriteLineAsync($"error: {problem}");
                return 2;
            }

            var file = parseResult.GetValue(log)!;
            await using var output = TextWriter.Synchronized(new StreamWriter(file.FullName, append: false) { AutoFlush = true });
            var summary = await AckWriters.RunAsync(settings, output, error, cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(summary);
            await AkkaRpcClient.ShutdownAsync();
            return 0;
        });
        return command;
    }
}
