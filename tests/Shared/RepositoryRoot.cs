namespace AkkaRpc.Testing;

/// <summary>The checkout the tests were built from, found by walking up from the test binaries to AkkaRpc.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "AkkaRpc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AkkaRpc.sln above {AppContext.BaseDirectory}: the tests must run from a checkout.");
    }
}
