using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Config.Tests;

public sealed class ConfigurationProviderTests
{
    private const string AkkaRpcConf = """
        akkarpc {
          remote.tcp {
            port = 4000
            hostname = localhost
          }
          ask-timeout = 10s
          maximum-frame-size = 16MiB
          seeds = ["a:1", "b:2"]
          empty-list = []
          nothing = null
        }
        """;

    [Fact]
    public void Keys_are_flattened_with_colons_and_arrays_by_index()
    {
        IConfiguration config = new ConfigurationBuilder().AddHoconString(AkkaRpcConf).Build();

        Assert.Equal("4000", config["akkarpc:remote:tcp:port"]);
        Assert.Equal("localhost", config["akkarpc:remote:tcp:hostname"]);
        Assert.Equal("a:1", config["akkarpc:seeds:0"]);
        Assert.Equal("b:2", config["akkarpc:seeds:1"]);
        Assert.Null(config["akkarpc:nothing"]);
        Assert.Null(config["akkarpc:empty-list"]);
        Assert.Equal(["0", "1"], config.GetSection("akkarpc:seeds").GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Durations_and_sizes_keep_their_text_and_are_read_by_the_extensions()
    {
        IConfiguration config = new ConfigurationBuilder().AddHoconString(AkkaRpcConf, rootPath: "akkarpc").Build();

        Assert.Equal("10s", config["ask-timeout"]);
        Assert.Equal("16MiB", config["maximum-frame-size"]);
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetDuration("ask-timeout", TimeSpan.Zero));
        Assert.Equal(16L << 20, config.GetByteSize("maximum-frame-size", 0));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetDuration("missing", TimeSpan.FromSeconds(3)));
        Assert.Equal(42, config.GetByteSize("missing", 42));
        var error = Assert.Throws<FormatException>(() => config.GetDuration("remote:tcp:hostname", TimeSpan.Zero));
        Assert.Contains("'remote:tcp:hostname' is 'localhost'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_path_makes_the_subtree_the_configuration_root()
    {
        IConfiguration config = new ConfigurationBuilder().AddHoconString(AkkaRpcConf, rootPath: "akkarpc").Build();

        Assert.Equal("4000", config["remote:tcp:port"]);
        Assert.Null(config["akkarpc:remote:tcp:port"]);
    }

    [Fact]
    public void Missing_root_path_yields_no_keys_and_a_scalar_root_path_is_an_error()
    {
        IConfiguration config = new ConfigurationBuilder().AddHoconString("other = 1", rootPath: "akkarpc").Build();
        Assert.Empty(config.AsEnumerable());

        var error = Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHoconString("akkarpc = 1", rootPath: "akkarpc").Build());
        Assert.Contains("root path 'akkarpc' should be an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_environment_variable_and_command_line_override_the_same_key_in_order()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("akkarpc.conf", AkkaRpcConf);
        using var port = new EnvironmentVariable("AKKARPC__REMOTE__TCP__PORT", "5000");
        using var timeout = new EnvironmentVariable("AKKARPC__ASK-TIMEOUT", "30s");

        IConfiguration fileOnly = new ConfigurationBuilder()
            .AddHoconFile(file, rootPath: "akkarpc")
            .Build();
        IConfiguration withEnvironment = new ConfigurationBuilder()
            .AddHoconFile(file, rootPath: "akkarpc")
            .AddEnvironmentVariables(prefix: "AKKARPC__")
            .Build();
        IConfiguration withCommandLine = new ConfigurationBuilder()
            .AddHoconFile(file, rootPath: "akkarpc")
            .AddEnvironmentVariables(prefix: "AKKARPC__")
            .AddCommandLine(["--remote:tcp:port=6000", "--remote:tcp:hostname", "example.org"])
            .Build();

        Assert.Equal("4000", fileOnly["remote:tcp:port"]);
        Assert.Equal("5000", withEnvironment["remote:tcp:port"]);
        Assert.Equal("5000", withEnvironment["REMOTE:TCP:PORT"]);
        Assert.Equal(TimeSpan.FromSeconds(30), withEnvironment.GetDuration("ask-timeout", TimeSpan.Zero));
        Assert.Equal("6000", withCommandLine["remote:tcp:port"]);
        Assert.Equal("example.org", withCommandLine["remote:tcp:hostname"]);
        Assert.Equal("16MiB", withCommandLine["maximum-frame-size"]);
    }

    [Fact]
    public void Optional_missing_file_yields_no_keys_and_required_missing_file_throws()
    {
        using var dir = new TempDirectory();
        string missing = Path.Combine(dir.Path, "missing.conf");

        IConfiguration config = new ConfigurationBuilder().AddHoconFile(missing, optional: true).Build();
        Assert.Empty(config.AsEnumerable());

        var error = Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddHoconFile(missing).Build());
        Assert.Equal(missing, error.FileName);
    }

    [Fact]
    public void Syntax_error_in_file_surfaces_when_the_configuration_is_built()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("bad.conf", "a = [1");

        var error = Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHoconFile(file).Build());

        Assert.Equal(file, error.FileName);
        Assert.Equal(1, error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public async Task Reload_on_change_picks_up_edits_to_an_included_file()
    {
        using var dir = new TempDirectory();
        string included = dir.Write("port.conf", "port = 1");
        string main = dir.Write("main.conf", "include \"port.conf\"\nname = main");
        var root = new ConfigurationBuilder()
            .AddHocon(s =>
            {
                s.Path = main;
                s.ReloadOnChange = true;
                s.ReloadDelay = TimeSpan.FromMilliseconds(50);
            })
            .Build();
        using var disposeRoot = (IDisposable)root;
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = root.GetReloadToken().RegisterChangeCallback(_ => reloaded.TrySetResult(), null);

        Assert.Equal("1", root["port"]);
        File.WriteAllText(included, "port = 2");

        // The timeout is only a ceiling; the reload token completing is what the test waits on.
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("2", root["port"]);
        Assert.Equal("main", root["name"]);
    }

    [Fact]
    public async Task Failed_reload_keeps_the_last_good_keys_and_reports_the_error()
    {
        using var dir = new TempDirectory();
        string main = dir.Write("main.conf", "port = 1");
        var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var root = new ConfigurationBuilder()
            .AddHocon(s =>
            {
                s.Path = main;
                s.ReloadOnChange = true;
                s.ReloadDelay = TimeSpan.FromMilliseconds(50);
                s.OnReloadError = e => failed.TrySetResult(e);
            })
            .Build();
        using var disposeRoot = (IDisposable)root;

        File.WriteAllText(main, "port = [");

        Exception error = await failed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.IsType<HoconException>(error);
        Assert.Equal("1", root["port"]);
    }

    [Fact]
    public void Source_needs_exactly_one_of_path_and_content()
    {
        Assert.Throws<ArgumentException>(() => new HoconConfigurationProvider(new HoconConfigurationSource()));
        Assert.Throws<ArgumentException>(() => new HoconConfigurationProvider(new HoconConfigurationSource { Path = "a", Content = "b" }));
    }

    [Fact]
    public void Arrays_of_objects_flatten_by_index_then_key_and_bind_to_sections()
    {
        IConfiguration config = new ConfigurationBuilder()
            .AddHoconString("akkarpc.endpoints = [{ host = a, port = 1 }, { host = b, port = 2 }]", rootPath: "akkarpc")
            .Build();

        Assert.Equal("a", config["endpoints:0:host"]);
        Assert.Equal("2", config["endpoints:1:port"]);
        Assert.Equal(2, config.GetSection("endpoints").GetChildren().Count());
    }
}
