namespace AkkaRpc.Hosting.Tests;

/// <summary>Files of the repository the tests read as shipped (hocon/*.conf).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AkkaRpc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AkkaRpc.sln not found above the test directory.");
    }
}
