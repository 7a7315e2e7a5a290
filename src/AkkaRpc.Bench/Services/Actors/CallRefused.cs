namespace AkkaRpc.Bench.Services.Actors;

/// <summary>
/// The echo service actor's answer to a call it cannot serve (a download size out of range): a reason, never an
/// exception object, so nothing on the wire names a .NET type and the actor keeps serving.
/// </summary>
/// <param name="Reason">What was wrong with the call.</param>
internal sealed record CallRefused(string Reason);
