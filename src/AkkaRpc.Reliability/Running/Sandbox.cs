namespace AkkaRpc.Reliability.Running;

/// <summary>
/// A temporary runtime directory (0700, as the node requires for its socket), data directory and cookie path for one
/// attack's node, so no attack sees another's files; disposing deletes it.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("akkarpc-reliability-");

    public Sandbox()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(RuntimeDirectory);
        }
        else
        {
            Directory.CreateDirectory(RuntimeDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.CreateDirectory(DataDirectory);
    }

    /// <summary>Gets the directory of the node's socket.</summary>
    public string RuntimeDirectory => Path.Combine(_root.FullName, "run");

    /// <summary>Gets the directory of the database files.</summary>
    public string DataDirectory => Path.Combine(_root.FullName, "data");

    /// <summary>Gets the cookie file, made by the node on its first start.</summary>
    public string Cookie => Path.Combine(_root.FullName, "cookie");

    /// <summary>Gets the node's Unix socket.</summary>
    public string Socket => Path.Combine(RuntimeDirectory, "node.sock");

    /// <summary>Gets the file of database <paramref name="name"/>.</summary>
    public string DatabaseFile(string name) => Path.Combine(DataDirectory, name + ".db");

    public void Dispose()
    {
        try
        {
            _root.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An attack may leave a file without permissions; a leftover temp directory is not worth failing the run.
        }
    }
}
