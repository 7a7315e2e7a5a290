namespace AkkaRpc.Cli.Status;

/// <summary>One database in a status.</summary>
/// <param name="Name">Its name.</param>
/// <param name="State">open, reopening, unavailable (lower case).</param>
/// <param name="Queued">Requests queued for its owner.</param>
/// <param name="LastFailure">Its last failure, or null.</param>
internal sealed record DatabaseView(string Name, string State, int Queued, string? LastFailure);
