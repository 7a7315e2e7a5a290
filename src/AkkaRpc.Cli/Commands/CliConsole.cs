using Spectre.Console;

namespace AkkaRpc.Cli.Commands;

/// <summary>Creates the Spectre.Console console a command writes its tables to.</summary>
internal static class CliConsole
{
    // Wide enough for a benchmark table; Spectre assumes 80 columns when output is redirected, which wraps it.
    private const int RedirectedWidth = 180;

    /// <summary>Creates a console over <paramref name="writer"/>: styled on a terminal, plain text anywhere else.</summary>
    public static IAnsiConsole Create(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        bool isConsole = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isConsole ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isConsole ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isConsole ? InteractionSupport.Detect : InteractionSupport.No,
        });

        if (!isConsole)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
