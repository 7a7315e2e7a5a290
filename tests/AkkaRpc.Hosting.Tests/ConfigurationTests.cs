using Akka.Configuration;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Hosting.Tests;

/// <summary><see cref="AkkaRpcConfiguration"/>: Akka's HOCON parser reads every file; flags and environment variables override any key.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("akkarpc-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Flags_BeatEnvironmentVariables_WhichBeatTheFile_WhichBeatsTheReference()
    {
        var file = Write("test.conf", """
            include "akkarpc.conf"
            akkarpc.databases { busy-timeout = 7s, max-lease = 2m, max-open-cursors = 3 }
            """);
        using var environment = new EnvironmentVariable("AKKARPC__DATABASES__MAX-LEASE", "3m");
        using var shadowed = new EnvironmentVariable("AKKARPC__DATABASES__MAX-OPEN-CURSORS", "4");

        var config = AkkaRpcConfiguration.Load(file, ["--databases:max-open-cursors=5"]);
        var databases = DatabasesOptionsReader.Read(config);

        Assert.Equal(TimeSpan.FromSeconds(7), databases.Database.BusyTimeout); // the file
        Assert.Equal(TimeSpan.FromMinutes(3), databases.MaxLease); // the environment
        Assert.Equal(5, databases.Database.MaxOpenCursors); // the flag
        Assert.Equal(1000, databases.MailboxCapacity); // the reference
    }

    [Fact]
    public void TheNodesLimitsOnOpenDatabasesAndQueuedBytes_HaveShippedDefaults_AndAreSet()
    {
        var shipped = DatabasesOptionsReader.Read(AkkaRpcConfiguration.Load(null, []));
        Assert.Equal((256, 256L << 20), (shipped.MaxOpenDatabases, shipped.MaxQueuedBytes));

        var set = DatabasesOptionsReader.Read(AkkaRpcConfiguration.Load(null, ["--databases:max-open-databases=10", "--databases:max-queued-bytes=1MiB"]));
        Assert.Equal((10, 1L << 20), (set.MaxOpenDatabases, set.MaxQueuedBytes));
    }

    [Fact]
    public void AkkaKeys_FromFlagsAndEnvironment_LandUnderAkka_NotUnderAkkarpc()
    {
        using var environment = new EnvironmentVariable("AKKARPC__AKKA__ACTOR__ASK-TIMEOUT", "9s");

        var config = AkkaRpcConfiguration.Load(null, ["--akka:loglevel=DEBUG"]);

        Assert.Equal("DEBUG", config.GetString("akka.loglevel"));
        Assert.Equal(TimeSpan.FromSeconds(9), config.GetTimeSpan("akka.actor.ask-timeout"));
    }

    [Fact]
    public void TheShippedServerConf_IncludesTheReference_AndOverridesTheIdleTimeout()
    {
        var config = AkkaRpcConfiguration.Load(RepositoryRoot.File("hocon/server.conf"));
        var databases = DatabasesOptionsReader.Read(config);

        Assert.Equal(TimeSpan.FromMinutes(30), databases.IdleTimeout);
        Assert.Equal(SynchronousMode.Full, databases.Database.Synchronous);
        Assert.True(NodeTransportOptionsReader.Read(config).TcpEnabled);
    }

    [Fact]
    public void TheShippedBenchConf_KeepsDatabasesOpenForTheWholeRun()
    {
        var databases = DatabasesOptionsReader.Read(AkkaRpcConfiguration.Load(RepositoryRoot.File("hocon/bench.conf")));

        Assert.Null(databases.IdleTimeout);
        Assert.Equal(SynchronousMode.Full, databases.Database.Synchronous);
    }

    [Fact]
    public void NoShippedFile_UsesAnEnvironmentFallback_WhichAkkasParserWouldTurnIntoAnEmptyString()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.File("hocon"), "*.conf"))
        {
            Assert.DoesNotContain("${?", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnEmptyDataDir_MeansTheEnvironmentVariable_ThenData()
    {
        Assert.Equal("data", DatabasesOptionsReader.Read(AkkaRpcConfiguration.Load(null)).Database.DataDirectory);
        using var environment = new EnvironmentVariable(DatabasesOptionsReader.DataDirectoryVariable, "/srv/akkarpc");

        Assert.Equal("/srv/akkarpc", DatabasesOptionsReader.Read(AkkaRpcConfiguration.Load(null)).Database.DataDirectory);
        Assert.Equal("/x", DatabasesOptionsReader.Read(AkkaRpcConfiguration.Load(null, ["--databases:data-dir=/x"])).Database.DataDirectory);
    }

    [Theory]
    [InlineData("--databases:max-lease=forever", "akkarpc.databases.max-lease")]
    [InlineData("--databases:synchronous=sometimes", "akkarpc.databases.synchronous")]
    [InlineData("--databases:allow-attach=maybe", "akkarpc.databases.allow-attach")]
    [InlineData("--databases:max-bytes-per-chunk=lots", "akkarpc.databases.max-bytes-per-chunk")]
    [InlineData("--databases:mailbox-capacity=0", "akkarpc.databases.mailbox-capacity")]
    [InlineData("--databases:max-open-databases=0", "akkarpc.databases.max-open-databases")]
    [InlineData("--databases:max-queued-bytes=lots", "akkarpc.databases.max-queued-bytes")]
    [InlineData("--node:idle-shutdown=soon", "akkarpc.node.idle-shutdown")]
    [InlineData("--remote:tcp:port=http", "akkarpc.remote.tcp.port")]
    [InlineData("--remote:max-frame-size=huge", "akkarpc.remote.max-frame-size")]
    [InlineData("--remote:tcp:hostname=10.1.2.3", "akkarpc.remote.allow-non-loopback")]
    public void ABadSetting_IsRefused_NamingItsKey(string flag, string key)
    {
        var config = AkkaRpcConfiguration.Load(null, [flag]);

        var error = Assert.ThrowsAny<Exception>(() =>
        {
            DatabasesOptionsReader.Read(config);
            NodeOptionsReader.Read(config);
            NodeTransportOptionsReader.Read(config);
        });

        Assert.True(error is InvalidOperationException or ArgumentException, error.ToString());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_AMissingInclude_AndAnIncludeCycle_AreClearErrors()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => AkkaRpcConfiguration.Load(Path.Combine(_dir, "nope.conf")));
        var includesMissing = Write("a.conf", "include \"gone.conf\"\n");
        var missingInclude = Assert.ThrowsAny<Exception>(() => AkkaRpcConfiguration.Load(includesMissing));
        var cycle = Write("b.conf", "include \"c.conf\"\n");
        Write("c.conf", "include \"b.conf\"\n");
        var cycleError = Assert.ThrowsAny<Exception>(() => AkkaRpcConfiguration.Load(cycle));

        Assert.Contains("nope.conf", missing.Message, StringComparison.Ordinal);
        Assert.Contains("gone.conf", Flatten(missingInclude), StringComparison.Ordinal);
        Assert.Contains("cycle", Flatten(cycleError), StringComparison.Ordinal);
    }

    [Fact]
    public void AFileCutShort_AfterItsEqualsSign_IsRefused_NamingTheKey()
    {
        // Akka's parser takes this without a word (and leaves the value undefined); the default would apply silently.
        var broken = Write("broken.conf", "akkarpc { databases { busy-timeout = \n");

        var error = Assert.Throws<ConfigurationException>(() => AkkaRpcConfiguration.Load(broken));

        Assert.Contains("'akkarpc.databases.busy-timeout' has no value", error.Message, StringComparison.Ordinal);
        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file")]
    [InlineData("flag")]
    public void AMisspeltSetting_IsRefused_ListingTheRealOnes_InsteadOfSilentlyKeepingTheDefault(string where)
    {
        var file = Write("typo.conf", "akkarpc.databases.busy-timout = 1s\n");

        var error = Assert.Throws<ConfigurationException>(() => where == "file"
            ? AkkaRpcConfiguration.Load(file)
            : AkkaRpcConfiguration.Load(null, ["--databases:busy-timout=1s"]));

        Assert.Contains("'akkarpc.databases.busy-timout' is not an AkkaRpc setting", error.Message, StringComparison.Ordinal);
        Assert.Contains("busy-timeout", error.Message.Split("has:")[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--database:data-dir=/srv/akkarpc")]
    [InlineData("--remotes:tcp:port=5000")]
    public void AMisspeltSection_IsRefused_InsteadOfSilentlyKeepingTheDefaults(string flag)
    {
        // databases.data-dir stays "data" and remote.tcp.port 4053, without a word, unless this is refused.
        Assert.Throws<ConfigurationException>(() => AkkaRpcConfiguration.Load(null, [flag]));
    }

    [Fact]
    public void SettingsOfOtherComponents_AndAkkasOwn_AreLeftToThem()
    {
        var config = AkkaRpcConfiguration.Load(null, ["--bench:rounds=3", "--sqlite:owner-dispatcher:throughput=10", "--akka:loglevel=INFO"]);

        Assert.Equal(3, config.GetInt("akkarpc.bench.rounds"));
        Assert.Equal(10, config.GetInt("akkarpc.sqlite.owner-dispatcher.throughput"));
    }

    [Fact]
    public void NodeTransportOptions_BecomeAkkaRemoteSettings_InUntrustedMode()
    {
        var config = new NodeTransportOptions { UnixSocket = Path.Combine(_dir, "node.sock"), Port = 0 }.ToConfig();

        Assert.True(config.GetBoolean("akka.remote.untrusted-mode"));
        Assert.Equal(["/user/databases", "/user/node", "/system/remote-watcher", "/user/services"], config.GetStringList("akka.remote.trusted-selection-paths"));
        Assert.Equal(["akka.remote.rpc-unix", "akka.remote.rpc-tcp"], config.GetStringList("akka.remote.enabled-transports"));
        Assert.Equal(Path.Combine(_dir, "node.sock"), config.GetString("akka.remote.rpc-unix.socket-path"));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Sets an environment variable for one test and restores it after.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
