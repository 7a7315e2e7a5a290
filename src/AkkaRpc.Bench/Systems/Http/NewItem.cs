namespace AkkaRpc.Bench.Systems.Http;

/// <summary>The body of <c>POST /items</c>.</summary>
/// <param name="Name">Name of the new row.</param>
/// <param name="Value">Value of the new row.</param>
internal sealed record NewItem(string Name, long Value);
