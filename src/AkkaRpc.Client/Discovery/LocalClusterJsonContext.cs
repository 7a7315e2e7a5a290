using System.Text.Json.Serialization;

namespace AkkaRpc.Client;

/// <summary>Source-generated JSON for <see cref="LocalClusterFile"/>, so the NativeAOT <c>akkarpc</c> reads and writes it without reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(LocalClusterFile))]
internal sealed partial class LocalClusterJsonContext : JsonSerializerContext;
