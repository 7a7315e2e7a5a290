namespace AkkaRpc.Protocol;

/// <summary>Runs statements all or nothing in one transaction; answered by <see cref="BatchResult"/> or <see cref="BatchFailed"/>.</summary>
/// <param name="Statements">The statements, run in order.</param>
public sealed record Batch(IReadOnlyList<Statement> Statements) : StatementRequest;
