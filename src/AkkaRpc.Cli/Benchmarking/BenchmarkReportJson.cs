using System.Text.Json;

namespace AkkaRpc.Cli.Benchmarking;

/// <summary>Reads and writes <see cref="BenchmarkReport"/> as JSON through <see cref="BenchJsonContext"/>.</summary>
internal static class BenchmarkReportJson
{
    /// <summary>Returns the report as indented JSON.</summary>
    public static string Serialize(BenchmarkReport report) =>
        JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchmarkReport);

    /// <summary>Parses a report written by <see cref="Serialize"/>.</summary>
    public static BenchmarkReport Deserialize(string json) =>
        JsonSerializer.Deserialize(json, BenchJsonContext.Default.BenchmarkReport)
        ?? throw new JsonException("The JSON holds null, not a benchmark report.");

    /// <summary>Writes the report to <paramref name="path"/>, creating its directory if needed.</summary>
    public static async Task WriteFileAsync(string path, BenchmarkReport report, CancellationToken cancellationToken = default)
    {
        string fullPath = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Write beside the target and rename, so a crash never leaves half a report where a whole one was expected.
        string temporary = fullPath + ".tmp";
        await using (FileStream stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, report, BenchJsonContext.Default.BenchmarkReport, cancellationToken);
        }

        File.Move(temporary, fullPath, overwrite: true);
    }
}
