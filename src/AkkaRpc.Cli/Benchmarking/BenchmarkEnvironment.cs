using System.Runtime;
using System.Runtime.InteropServices;

namespace AkkaRpc.Cli.Benchmarking;

/// <summary>The machine and runtime a report was measured on, so figures are never read without it.</summary>
/// <param name="Os">Operating system description.</param>
/// <param name="Architecture">Process architecture.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="ProcessorCount">Logical processors available to the process.</param>
/// <param name="Configuration"><c>Release</c> or <c>Debug</c>: Debug figures are not representative.</param>
/// <param name="ServerGc">Whether the server garbage collector is on.</param>
internal sealed record BenchmarkEnvironment(
    string Os,
    string Architecture,
    string Runtime,
    int ProcessorCount,
    string Configuration,
    bool ServerGc)
{
    /// <summary>Describes the current process.</summary>
    public static BenchmarkEnvironment Current() => new(
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        Environment.ProcessorCount,
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        GCSettings.IsServerGC);
}
