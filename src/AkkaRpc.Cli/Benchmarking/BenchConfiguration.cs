using AkkaRpc.Hosting;
using AkkaRpc.Sqlite;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Cli.Benchmarking;

/// <summary>The settings benchmarks run with: <c>hocon/bench.conf</c> next to the executable, then <c>AKKARPC__</c> environment variables.</summary>
internal static class BenchConfiguration
{
    /// <summary>The database settings of <c>akkarpc.databases</c>, with the data directory set to <paramref name="dataDirectory"/>.</summary>
    public static DatabasesOptions Databases(string dataDirectory)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "hocon", "bench.conf");
        var configuration = new ConfigurationBuilder().AddAkkaRpcConfiguration(File.Exists(path) ? path : null).Build();
        var options = DatabasesOptionsReader.Read(configuration);

        // The reader made this instance; a benchmark always writes its own fresh files.
        options.Database.DataDirectory = dataDirectory;
        options.Database.CreateIfMissing = true;
        options.Database.ReadOnly = false;
        return options;
    }
}
