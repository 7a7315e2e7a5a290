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

    [Fact]
    public void ComposeFile_HasTheNodeCoordinatorAndWorkerServices()
        => Assert.Equal(["node", "coordinator", "bench-worker"], s_compose.ServiceNames);

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
        IReadOnlyList<string> command = s_compose.Command(service)!;
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
        Assert.Equal("node", node.Groups["host"].Value);
        Assert.Equal(FlagValue("node", "--port"), node.Groups["port"].Value);

        Match coordinator = AkkaRpcAddress().Match(FlagValue("bench-worker", "--coordinator"));
        Assert.True(coordinator.Success, "bench-worker --coordinator is not an akka.rpc.tcp://System@host:port address.");
        Assert.Equal("AkkaRpcBench", coordinator.Groups["system"].Value);
        Assert.Equal("coordinator", coordinator.Groups["host"].Value);
        Assert.Equal("0.0.0.0:" + coordinator.Groups["port"].Value, FlagValue("coordinator", "--listen"));
    }

    [Fact]
    public void NodeAndCoordinator_BindEveryInterface_AndAnswerToTheNamesTheOthersUse()
    {
        // Akka.Remote drops a message addressed to another name of the same socket, so each answers to its service name.
        Assert.Contains("--remote:tcp:hostname=0.0.0.0", s_compose.Command("node")!);
        Assert.Contains($"--remote:tcp:public-hostname={AkkaRpcAddress().Match(FlagValue("coordinator", "--node")).Groups["host"].Value}", s_compose.Command("node")!);
        Assert.Contains("--remote:allow-non-loopback=true", s_compose.Command("node")!);
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
    public void Dockerfile_CopiesOnlyWhatExistsAndIsNotIgnored()
    {
        string[] ignored = File.ReadAllLines(RepositoryRoot.File(".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var copies = s_dockerfile.All("COPY").Where(c => !c.StartsWith("--from", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(copies);
        foreach (string copy in copies)
        {
            string[] parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (string source in parts[..^1])
            {
                string path = RepositoryRoot.File(source);
                Assert.True(File.Exists(path) || Directory.Exists(path), $"Dockerfile: COPY source {source} does not exist.");
                Assert.DoesNotContain(ignored, pattern => source.TrimEnd('/') == pattern.TrimEnd('/'));
            }
        }
    }

    [Fact]
    public void Dockerfile_BuildsWithTheSdkAndRunsOnTheAspNetRuntimeTheBenchNeeds()
    {
        string[] bases = s_dockerfile.All("FROM").ToArray();
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0 AS build", bases[0]);
        // akkarpc bench hosts its HTTP/REST baseline on Kestrel: the plain runtime image lacks ASP.NET Core.
        Assert.Contains("Microsoft.AspNetCore.App", File.ReadAllText(RepositoryRoot.File("src/AkkaRpc.Bench/AkkaRpc.Bench.csproj")), StringComparison.Ordinal);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", bases[^1]);

        Assert.Contains(s_dockerfile.All("RUN"), run => run.Contains("dotnet publish src/AkkaRpc.Cli/AkkaRpc.Cli.csproj", StringComparison.Ordinal) && run.Contains("--output /app", StringComparison.Ordinal));
        Assert.Equal(["dotnet", "/app/akkarpc.dll"], s_dockerfile.ExecForm("ENTRYPOINT"));
        // The CLI's assembly is akkarpc.dll: it sits next to these tests, which reference it.
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
        foreach (string token in result.UnmatchedTokens)
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
