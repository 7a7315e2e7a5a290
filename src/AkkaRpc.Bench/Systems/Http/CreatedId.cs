namespace AkkaRpc.Bench.Systems.Http;

/// <summary>The answer to a <c>POST</c> that created something.</summary>
/// <param name="Id">The new row's id.</param>
internal sealed record CreatedId(long Id);
