namespace AkkaRpc.Protocol;

/// <summary>A statement of a <see cref="Batch"/> failed, so none of the batch took effect.</summary>
/// <param name="StatementIndex">The zero-based index of the statement that failed.</param>
/// <param name="Error">Why it failed.</param>
public sealed record BatchFailed(int StatementIndex, DatabaseError Error) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"Statement {StatementIndex} of the batch failed and the whole batch was rolled back: {Error.Message}";
}
