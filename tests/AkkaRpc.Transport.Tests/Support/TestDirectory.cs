namespace AkkaRpc.Transport.Tests.Support;

/// <summary>A private (0700) temp directory per test, for cookie files and sockets; deleted at the end.</summary>
public sealed class TestDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-");

    public string FullName => _directory.FullName;

    /// <summary>Gets the cookie file every system of the test shares unless it asks for another.</summary>
    public string CookiePath => Path("cookie");

    public string Path(string name) => System.IO.Path.Combine(_directory.FullName, name);

    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A socket file still being unlinked by a stopping system; the OS cleans temp anyway.
        }
    }
}
