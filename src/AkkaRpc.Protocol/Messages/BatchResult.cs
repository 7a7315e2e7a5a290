namespace AkkaRpc.Protocol;

/// <summary>Every statement of a <see cref="Batch"/> ran and the whole batch is committed.</summary>
/// <param name="Results">One result per statement, in order.</param>
public sealed record BatchResult(IReadOnlyList<ExecuteResult> Results) : DatabaseReply;
