namespace AkkaRpc.Bench.Systems;

/// <summary>One check for every system that a download brought back what was asked for, so a silent short read never counts as a success.</summary>
internal static class PayloadCheck
{
    /// <summary>Throws when <paramref name="actual"/> is not <paramref name="expected"/>.</summary>
    public static void Length(string what, long actual, long expected)
    {
        if (actual != expected)
        {
            throw new InvalidDataException($"{what} came back with {actual} bytes instead of {expected}.");
        }
    }
}
