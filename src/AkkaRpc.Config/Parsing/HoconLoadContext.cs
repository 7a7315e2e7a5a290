namespace AkkaRpc.Config;

/// <summary>State shared by one load: where relative includes start, the include chain, and every file read.</summary>
internal sealed class HoconLoadContext
{
    public HoconLoadContext(string baseDirectory, Func<string, string?> environment)
    {
        BaseDirectory = baseDirectory;
        Environment = environment;
    }

    /// <summary>Gets the directory that includes in text without a file are relative to.</summary>
    public string BaseDirectory { get; }

    /// <summary>Gets the lookup used when a substitution is not in the document (the process environment by default).</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>Gets the files being included right now, outermost first, to detect include cycles.</summary>
    public List<string> IncludeChain { get; } = [];

    /// <summary>Gets every file read during the load, so a provider can watch them all for changes.</summary>
    public HashSet<string> FilesRead { get; } = new(StringComparer.Ordinal);

    /// <summary>Creates a context for the process environment.</summary>
    public static HoconLoadContext ForProcess(string? baseDirectory = null) =>
        new(baseDirectory ?? Directory.GetCurrentDirectory(), System.Environment.GetEnvironmentVariable);
}
