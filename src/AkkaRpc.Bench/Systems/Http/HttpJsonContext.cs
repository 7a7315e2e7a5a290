using System.Text.Json.Serialization;
using AkkaRpc.Bench.Systems.Sqlite;

namespace AkkaRpc.Bench.Systems.Http;

/// <summary>Source-generated JSON for the HTTP baseline's bodies: no reflection on either side.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ItemRow))]
[JsonSerializable(typeof(NewItem))]
[JsonSerializable(typeof(CreatedId))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
