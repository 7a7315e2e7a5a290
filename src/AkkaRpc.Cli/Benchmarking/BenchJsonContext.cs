using System.Text.Json.Serialization;

namespace AkkaRpc.Cli.Benchmarking;

/// <summary>
/// Source-generated serialization of <see cref="BenchmarkReport"/>, so writing a report needs no
/// reflection and the shape is fixed at compile time.
/// </summary>
/// <remarks>
/// The shape (schema <c>akkarpc.bench/1</c>), camelCase throughout:
/// <code>
/// { "schema": "akkarpc.bench/1", "suite": "actors", "floor": "channels",
///   "startedAt": "2026-11-23T10:40:00+00:00", "durationSeconds": 21.4,
///   "environment": { "os", "architecture", "runtime", "processorCount", "configuration", "serverGc" },
///   "settings": { "rounds", "roundDurationMs", "warmupDurationMs", "maxOperationsPerRound", "quick" },
///   "results": [ { "name", "system", "kind": "throughput" | "latency", "unit": "ops/s" | "ns",
///                  "value", "ratioToFloor" (number or null), "relativeSpread", "roundValues": [..], "medianRound",
///                  "operations", "elapsedNs", "operationsPerSecond",
///                  "latency": null | { "count", "minNs", "maxNs", "meanNs", "stdDevNs",
///                                      "p50Ns", "p95Ns", "p99Ns", "p999Ns" } } ] }
/// </code>
/// Figures are those of the median round; <c>roundValues</c> keeps every round's headline figure and
/// <c>relativeSpread</c> is half their range divided by <c>value</c>. <c>value</c> is ops/s for
/// throughput rows and the median round's p50 in ns for latency rows; <c>ratioToFloor</c> is
/// <c>value</c> divided by the floor row's <c>value</c> for the same <c>name</c>.
/// </remarks>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(BenchmarkReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
