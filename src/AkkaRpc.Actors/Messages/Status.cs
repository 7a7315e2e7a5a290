namespace AkkaRpc.Actors;

/// <summary>Conventional replies for operations that succeed or fail.</summary>
public static class Status
{
    /// <summary>The operation succeeded.</summary>
    public sealed record Success(object? Value);

    /// <summary>The operation failed; an <c>Ask</c> receiving it throws <paramref name="Cause"/>.</summary>
    public sealed record Failure(Exception Cause);
}
