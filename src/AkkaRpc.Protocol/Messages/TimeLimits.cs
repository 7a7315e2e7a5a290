namespace AkkaRpc.Protocol;

/// <summary>The one rule for a request's <c>TimeLimit</c>: absent, or positive.</summary>
internal static class TimeLimits
{
    /// <summary>Returns <paramref name="value"/> if it is null or positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is zero or negative.</exception>
    public static TimeSpan? Check(TimeSpan? value) =>
        value is { } limit && limit <= TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(value), limit, "A time limit must be positive; leave it null for the node's default.")
            : value;
}
