using System.Text.Json.Serialization;

namespace AkkaRpc.Cli.Status;

/// <summary>Source-generated JSON for <c>akkarpc status --json</c>, so the NativeAOT <c>akkarpc</c> writes it without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(NodeView))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
