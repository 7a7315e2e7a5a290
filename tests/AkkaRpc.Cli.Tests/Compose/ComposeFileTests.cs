using System.CommandLine;
using System.Text.RegularExpressions;
using AkkaRpc.Cli.Commands;
using AkkaRpc.Hosting;

namespace AkkaRpc.Cli.Tests.Compose;

/// <summary>docker-compose.yml and the Dockerfile, checked against the akkarpc they ship: no engine needed.</summary>
public sealed partial class ComposeFileTests
{
    private static readonly ComposeFile s_compose = ComposeFile.Load(RepositoryRoot.File("docker-compose.yml"));
    private static readonly DockerfileInstructions s_dockerfile = DockerfileInstructions.Load(RepositoryRoot.File("Dockerfile"));

    // Every setting a --section:key=value override may name: the reference configuration has them all.
    private static readonly Akka.Configuration.Config s_reference = AkkaRpcConfiguration.ParseFile(RepositoryRoot.File("hocon/akkarpc.conf"));

    public static TheoryData<string> Services => [.. s_compose.ServiceNames];

    private static readonly string[] s_members = ["member1", "member2", "member3"];

    [Fact]
    public void ComposeFile_HasThreeMembersTheCoordinatorWorkersAndTheDemosWriter()
        => Assert.Equal([.. s_members, "coordinator", "bench-worker", "writer"], s_compose.ServiceNames);

    [Fact]
    public void TheMembers_FormOneCluster_OnTheSharedDataVolume_EachSeedingFromAllThree()
    {
        foreach (string member in s_members)
        {
            IReadOnlyList<string> command = s_compose.Command(member)!;
            Assert.Contains("--cluster", command);
            Assert.Equal("/data", FlagValue(member, "--data-dir"));
            Assert.Contains("data:/data", s_compose.List(member, "volumes"));
            var seeds = command.Select((arg, i) => (arg, i)).Where(a => a.arg == "--seed-node").Select(a => command[a.i + 1]).ToList();
            Assert.Equal(s_members.Select(m => $"akka.rpc.tcp://AkkaRpc@{m}:{FlagValue(m, "--port")}"), seeds);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_RunsACommandAndFlagsTheCliAccepts(string service)
    {
        IReadOnlyList<string> command = s_compose.Command(service) ?? s_dockerfile.ExecForm("CMD");

        AssertCliAccepts(command, $"services.{service}.command");
    }

    [Fact]
    public void Dockerfile_DefaultCommandIsOneTheCliAccepts()
        => AssertCliAccepts(s_dockerfile.ExecForm("CMD"), "Dockerfile CMD");

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_ConfigFilesAndBindMountsExistInTheRepository(string service)
    {
        IReadOnlyList<string> command = s_compose.Command(service) ?? [];
        for (int i = 0; i < command.Count - 1; i++)
        {
            if (command[i] == "--config")
            {
                // The image has hocon/ at /app/hocon (published next to akkarpc), and compose mounts ./hocon over it.
                Assert.StartsWith("/app/hocon/", command[i + 1], StringComparison.Ordinal);
                string file = Path.Combine("hocon", command[i + 1]["/app/hocon/".Length..]);
                Assert.True(File.Exists(RepositoryRoot.File(file)), $"services.{service}: --config {command[i + 1]} is {file}, which does not exist.");
            }
        }

        foreach (string volume in s_compose.List(service, "volumes").Where(v => v.StartsWith("./", StringComparison.Ordinal)))
        {
            string source = volume.Split(':')[0];
            Assert.True(Directory.Exists(RepositoryRoot.File(source)) || File.Exists(RepositoryRoot.File(source)), $"services.{service}: bind mount source {source} does not exist.");
        }
    }

    [Fact]
    public void BenchWorker_CanBeScaled_AndTheCoordinatorWaitsForAsManyAsThereAre()
    {
        Assert.Null(s_compose.Scalar("bench-worker", "container_name"));
        // A published host port would clash between replicas; a container-only port ("4100") would not.
        Assert.All(s_compose.List("bench-worker", "ports"), port => Assert.DoesNotContain(":", port, StringComparison.Ordinal));
        string? replicas = s_compose.Scalar("bench-worker", "deploy", "replicas");
        Assert.NotNull(replicas);
        Assert.Equal(replicas, FlagValue("coordinator", "--workers"));
    }

    [Fact]
    public void Addresses_NameTheServicesAndPortsThatListen_OnAkkaRpcsTransport()
    {
        Match node = AkkaRpcAddress().Match(FlagValue("coordinator", "--node"));
        Assert.True(node.Success, "coordinator --node is not an akka.rpc.tcp://System@host:port address.");
        Assert.Contains(node.Groups["host"].Value, s_members);
        Assert.Equal(FlagValue(node.Groups["host"].Value, "--port"), node.Groups["port"].Value);

        Match coordinator = AkkaRpcAddress().Match(FlagValue("bench-worker", "--coordinator"));
        Assert.True(coordinator.Success, "bench-worker --coordinator is not an akka.rpc.tcp://System@host:port address.");
        Assert.Equal("AkkaRpcBench", coordinator.Groups["system"].Value);
        Assert.Equal("coordinator", coordinator.Groups["host"].Value);
        Assert.Equal("0.0.0.0:" + coordinator.Groups["port"].Value, FlagValue("coordinator", "--listen"));
    }

    [Fact]
    public void MembersAndCoordinator_BindEveryInterface_AndAnswerToTheNamesTheOthersUse()
    {
        // Akka.Remote drops a message addressed to another name of the same socket, so each answers to its service name.
        foreach (string member in s_members)
        {
            Assert.Contains("--remote:tcp:hostname=0.0.0.0", s_compose.Command(member)!);
            Assert.Contains("--remote:allow-non-loopback=true", s_compose.Command(member)!);
            Assert.Contains($"AKKARPC__REMOTE__TCP__PUBLIC-HOSTNAME={member}", s_compose.List(member, "environment"));
        }

        Assert.Equal(AkkaRpcAddress().Match(FlagValue("bench-worker", "--coordinator")).Groups["host"].Value, FlagValue("coordinator", "--public-hostname"));
    }

    [Fact]
    public void TheCoordinator_ListensBeyondLoopback_OnPurpose()
    {
        // Without this setting `bench --listen coordinator:4100` refuses to bind a non-loopback address.
        Assert.Contains("AKKARPC__REMOTE__ALLOW-NON-LOOPBACK=true", s_compose.List("coordinator", "environment"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void EveryAkkaRpcEnvironmentVariable_NamesARealSetting(string service)
    {
        foreach (string variable in s_compose.List(service, "environment").Where(v => v.StartsWith("AKKARPC__", StringComparison.Ordinal)))
        {
            string key = variable[..variable.IndexOf('=', StringComparison.Ordinal)]["AKKARPC__".Length..].ToLowerInvariant().Replace("__", ".", StringComparison.Ordinal);
            Assert.True(s_reference.HasPath("akkarpc." + key), $"services.{service}: {variable} names {key}, which hocon/akkarpc.conf does not have.");
        }
    }

    [Fact]
    public void Dockerfile_CopiesOnlyThePublishOutput_TheOneThingTheBuildContextLetsIn()
    {
        // docker/build-image.sh publishes into artifacts/docker/publish (absent in a clean checkout), then builds.
        Assert.Equal(["artifacts/docker/publish/ /app/"], s_dockerfile.All("COPY"));
        string[] context = File.ReadAllLines(RepositoryRoot.File(".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        Assert.Equal(["*", "!artifacts/docker/publish/"], context);
        string build = File.ReadAllText(RepositoryRoot.File("docker/build-image.sh"));
        Assert.Contains("out=\"$repo/artifacts/docker/publish\"", build, StringComparison.Ordinal);
        Assert.Contains("dotnet publish \"$repo/src/AkkaRpc.Cli\" -c Release -r linux-x64 --self-contained true", build, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_RunsTheSelfContainedAkkarpc_OnTheLocallyMadeBaseImage_AsANonRootUser()
    {
        // No registry is reachable here: the base is made by docker/base-image.sh (debootstrap + docker import).
        Assert.Equal(["BASE_IMAGE=akkarpc-base:bookworm"], s_dockerfile.All("ARG"));
        Assert.Equal(["${BASE_IMAGE}"], s_dockerfile.All("FROM"));
        Assert.Contains("akkarpc-base:bookworm", File.ReadAllText(RepositoryRoot.File("docker/base-image.sh")), StringComparison.Ordinal);
        Assert.Equal(["/app/akkarpc"], s_dockerfile.ExecForm("ENTRYPOINT"));
        Assert.Equal(["app"], s_dockerfile.All("USER"));
        // The CLI's executable is akkarpc: it sits next to these tests, which reference it.
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "akkarpc.dll")));
    }

    [Fact]
    public void Interpolate_UsesDefaultsAndRefusesVariablesWithout()
    {
        Assert.Equal("--workers 4 x", ComposeFile.Interpolate("--workers ${BENCH_WORKERS:-4} x"));
        var error = Assert.Throws<InvalidOperationException>(() => ComposeFile.Interpolate("${NODE_HOST}"));
        Assert.Contains("${NODE_HOST} has no default", error.Message, StringComparison.Ordinal);
    }

    private static string FlagValue(string service, string flag)
    {
        IReadOnlyList<string> command = s_compose.Command(service)!;
        int index = command.ToList().IndexOf(flag);
        Assert.True(index >= 0 && index + 1 < command.Count, $"services.{service}.command has no {flag} <value>.");
        return command[index + 1];
    }

    private static void AssertCliAccepts(IReadOnlyList<string> args, string where)
    {
        ParseResult result = CliApplication.CreateRootCommand().Parse([.. args]);
        string line = "akkarpc " + string.Join(' ', args);
        Assert.True(result.Errors.Count == 0, $"{where}: {line}\n{string.Join('\n', result.Errors.Select(e => e.Message))}");
        Assert.False(result.CommandResult.Command is RootCommand, $"{where}: {line} names no akkarpc command.");
        Assert.NotNull(result.CommandResult.Command.Action);

        // `serve` takes any setting as --section:key=value; each must name a real key, or it would be silently ignored.
        foreach (string token in result.UnmatchedTokens.Where(t => t != ServeCommand.ClusterSwitch))
        {
            Match setting = SettingOverride().Match(token);
            Assert.True(setting.Success, $"{where}: '{token}' is neither a flag of the command nor a --section:key=value setting.");
            string key = setting.Groups["key"].Value;
            Assert.True(s_reference.HasPath("akkarpc." + key.Replace(':', '.')), $"{where}: '{token}' names {key}, which hocon/akkarpc.conf does not have.");
        }
    }

    [GeneratedRegex("^akka\\.rpc\\.tcp://(?<system>[A-Za-z0-9_-]+)@(?<host>[A-Za-z0-9.-]+):(?<port>[0-9]+)$")]
    private static partial Regex AkkaRpcAddress();

    [GeneratedRegex("^--(?<key>[a-z0-9-]+(:[a-z0-9-]+)+)=(?<value>.*)$")]
    private static partial Regex SettingOverride();
}
