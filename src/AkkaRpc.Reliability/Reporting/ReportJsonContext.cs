using System.Text.Json.Serialization;

namespace AkkaRpc.Reliability.Reporting;

/// <summary>Source-generated JSON for the report, so the NativeAOT <c>akkarpc</c> writes it without reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SuiteReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
