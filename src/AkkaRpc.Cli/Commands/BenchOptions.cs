using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;
using AkkaRpc.Cli.Benchmarking;

namespace AkkaRpc.Cli.Commands;

/// <summary>The options every <c>akkarpc bench</c> suite takes, and how they become <see cref="BenchmarkSettings"/>.</summary>
internal sealed class BenchOptions
{
    private const int MostRounds = 1000;

    private static readonly TimeSpan s_shortestRound = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan s_longestRound = TimeSpan.FromMinutes(10);

    /// <summary>Initializes the options.</summary>
    public BenchOptions()
    {
        Quick = new Option<bool>("--quick", "-q")
        {
            Description =
                $"Shorten every budget to see the shape of the figures in seconds " +
                $"({BenchmarkSettings.QuickRun.Rounds} rounds of {Figures.Duration(BenchmarkSettings.QuickRun.RoundDuration.TotalNanoseconds)}). " +
                "Not for figures you quote.",
        };

        Rounds = new Option<int>("--rounds", "-r")
        {
            Description =
                $"Rounds per scenario; the median round is reported [default: {BenchmarkSettings.Default.Rounds}, " +
                $"{BenchmarkSettings.QuickRun.Rounds} with --quick].",
            HelpName = "count",
            CustomParser = ParseRounds,
        };
        Duration = new Option<TimeSpan>("--duration", "-d")
        {
            Description =
                "Time cap of one round, e.g. 500ms, 2s, 1m; each round also stops at its operation cap " +
                $"[default: {Figures.Duration(BenchmarkSettings.Default.RoundDuration.TotalNanoseconds)}, " +
                $"{Figures.Duration(BenchmarkSettings.QuickRun.RoundDuration.TotalNanoseconds)} with --quick].",
            HelpName = "time",
            CustomParser = ParseDuration,
        };

        Output = new Option<FileInfo>("--output", "-o")
        {
            Description = "Also write the results as JSON (schema akkarpc.bench/1) to this file.",
            HelpName = "file",
        };
        Output.AcceptLegalFilePathsOnly();
    }

    /// <summary>Gets <c>--quick</c>.</summary>
    public Option<bool> Quick { get; }

    /// <summary>Gets <c>--rounds</c>.</summary>
    public Option<int> Rounds { get; }

    /// <summary>Gets <c>--duration</c>.</summary>
    public Option<TimeSpan> Duration { get; }

    /// <summary>Gets <c>--output</c>.</summary>
    public Option<FileInfo> Output { get; }

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Quick);
        command.Options.Add(Rounds);
        command.Options.Add(Duration);
        command.Options.Add(Output);
    }

    /// <summary>Returns the budgets the command line asks for: <c>--quick</c>'s or the defaults, with explicit flags winning.</summary>
    public BenchmarkSettings ResolveSettings(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        BenchmarkSettings settings = parseResult.GetValue(Quick) ? BenchmarkSettings.QuickRun : BenchmarkSettings.Default;

        if (parseResult.GetResult(Rounds) is { Implicit: false })
        {
            settings = settings with { Rounds = parseResult.GetValue(Rounds) };
        }

        if (parseResult.GetResult(Duration) is { Implicit: false })
        {
            TimeSpan duration = parseResult.GetValue(Duration);

            // The warm-up keeps its share of a round, so a longer round also warms up longer.
            double warmupShare = settings.WarmupDuration / settings.RoundDuration;
            settings = settings with { RoundDuration = duration, WarmupDuration = duration * warmupShare };
        }

        return settings;
    }

    /// <summary>Returns the <c>--output</c> path, or <see langword="null"/> when none was given.</summary>
    public string? OutputPath(ParseResult parseResult) => parseResult.GetValue(Output)?.FullName;

    private static int ParseRounds(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int rounds) || rounds is < 1 or > MostRounds)
        {
            result.AddError($"--rounds must be a whole number from 1 to {MostRounds}, not '{text}'.");
        }

        return rounds;
    }

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (!DurationParser.TryParse(text, out TimeSpan duration))
        {
            result.AddError($"'{text}' is not a duration: write a number with ms, s or m, e.g. 500ms or 2s.");
            return default;
        }

        if (duration < s_shortestRound || duration > s_longestRound)
        {
            result.AddError($"--duration must be between {s_shortestRound.TotalMilliseconds:F0}ms and {s_longestRound.TotalMinutes:F0}m, not {text}.");
        }

        return duration;
    }
}
