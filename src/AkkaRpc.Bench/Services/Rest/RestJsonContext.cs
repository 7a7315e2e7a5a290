using System.Text.Json.Serialization;

namespace AkkaRpc.Bench.Services.Rest;

/// <summary>Source-generated JSON for the REST service's answers: no reflection on either side.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SumAnswer))]
[JsonSerializable(typeof(LengthAnswer))]
internal sealed partial class RestJsonContext : JsonSerializerContext;
