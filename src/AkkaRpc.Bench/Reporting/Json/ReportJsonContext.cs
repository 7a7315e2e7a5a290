using System.Text.Json.Serialization;
using AkkaRpc.Bench.Results;

namespace AkkaRpc.Bench.Reporting.Json;

/// <summary>Source-generated JSON for the report, snake_case as rpycbench writes it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SystemReport))]
[JsonSerializable(typeof(SystemRatios))]
[JsonSerializable(typeof(RunMetadata))]
[JsonSerializable(typeof(ClusterReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
