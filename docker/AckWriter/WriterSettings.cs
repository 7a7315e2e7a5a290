namespace AkkaRpc.Docker.AckWriter;

/// <summary>What the writers do.</summary>
/// <param name="Database">The database they write to.</param>
/// <param name="Members">The members' Akka addresses; writer w starts at member w modulo their count.</param>
/// <param name="Writers">How many write at once.</param>
/// <param name="Duration">How long they write.</param>
/// <param name="RequestTimeout">How long one insert may take before it counts as failed.</param>
internal sealed record WriterSettings(string Database, IReadOnlyList<string> Members, int Writers, TimeSpan Duration, TimeSpan RequestTimeout)
{
    /// <summary>Returns what is wrong with the settings, or null.</summary>
    public string? Validate()
    {
        if (Writers is < 1 or > 64)
        {
            return $"--writers must be 1 to 64, not {Writers}.";
        }

        if (Duration <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
        {
            return "--seconds and --timeout must be at least 1.";
        }

        foreach (var member in Members)
        {
            var options = new AkkaRpc.Client.AkkaRpcClientOptions { NodeAddress = member };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }

        return null;
    }
}
