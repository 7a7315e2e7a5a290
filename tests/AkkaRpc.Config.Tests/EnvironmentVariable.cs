namespace AkkaRpc.Config.Tests;

/// <summary>Sets a process environment variable for the duration of a test, then removes it.</summary>
internal sealed class EnvironmentVariable : IDisposable
{
    public EnvironmentVariable(string name, string value)
    {
        Name = name;
        Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>A variable name no other test uses, so parallel tests cannot see each other's values.</summary>
    public static string UniqueName() => "AKKARPC_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    public string Name { get; }

    public void Dispose() => Environment.SetEnvironmentVariable(Name, null);
}
