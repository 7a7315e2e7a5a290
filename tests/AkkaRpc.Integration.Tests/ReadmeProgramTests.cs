using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AkkaRpc.Integration.Tests;

/// <summary>
/// The two complete programs README shows under "Akka.NET applications" build and run exactly as written: one
/// reaches a real node (started for it, as for any client), the other hosts the owners and serves them to akkarpc.
/// </summary>
public sealed partial class ReadmeProgramTests : IAsyncLifetime
{
    private readonly ClientSandbox _sandbox = new();

    private static TimeSpan BuildCeiling => TestTime.Seconds(300);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task ThePrograms_BuildAndRunAsWritten()
    {
        var reach = await BuildAsync("reach-a-node");
        var hostOwners = await BuildAsync("host-owners");

        // The first one finds no node in its sandbox, so it starts one, as any client does.
        var (code, output, error) = await RunToEndAsync(reach);
        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Contains("items: 1", output, StringComparison.Ordinal);
        Assert.Contains("widgets: 1", output, StringComparison.Ordinal);
        Assert.Single(_sandbox.NodePids());

        // The second one is a node of its own: the command README gives reads what it stored.
        using var owners = Start(hostOwners);
        var lines = new ProcessLines(owners, "serving orders at ");
        await lines.Ready.WaitAsync(ClientSandbox.Ceiling);

        // README's command line, through bash as a reader would type it, with the built akkarpc on the PATH.
        var (queryCode, rows, queryError) = await RunInAsync(hostOwners.Directory, "/bin/bash", ["-c", $"PATH={AppContext.BaseDirectory}:$PATH {ReadmeQueryLine()} --json"]);
        Assert.True(queryCode == 0, queryError);
        Assert.Equal("{\"name\":\"gadget\"}", rows.Trim());

        using (var term = Process.Start("kill", ["-TERM", owners.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await owners.WaitForExitAsync().WaitAsync(ClientSandbox.Ceiling);
        Assert.True(owners.ExitCode == 0, lines.ToString());
        Assert.False(File.Exists(Path.Combine(hostOwners.Directory, "run", "shop.sock")), "the program left its socket file");
    }

    /// <summary>Writes the README program named <paramref name="name"/> into a project of its own and builds it.</summary>
    private async Task<Program> BuildAsync(string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_sandbox.Root, name)).FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), ReadmeProgram(name));
        await File.WriteAllTextAsync(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{RepositoryRoot.File(Path.Combine("src", "AkkaRpc.Hosting", "AkkaRpc.Hosting.csproj"))}" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.14" />
              </ItemGroup>
            </Project>
            """);

        // The repository's build settings stop at its root; this project is outside it, as a user's would be.
        var (code, output, error) = await RunInAsync(directory, "dotnet", ["build", "-c", "Debug", "--nologo", "-o", Path.Combine(directory, "out")], BuildCeiling);
        Assert.True(code == 0, $"README's {name} program does not build:\n{output}\n{error}");
        return new Program(directory, Path.Combine(directory, "out", name));
    }

    private Process Start(Program program)
    {
        var info = StartInfo(program.Directory, program.Executable, []);
        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program.Executable}.");
    }

    private Task<(int, string, string)> RunToEndAsync(Program program) => RunInAsync(program.Directory, program.Executable, []);

    private async Task<(int ExitCode, string Output, string Error)> RunInAsync(string directory, string executable, string[] arguments, TimeSpan? ceiling = null)
    {
        using var process = Process.Start(StartInfo(directory, executable, arguments)) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(ceiling ?? ClientSandbox.Ceiling);
        return (process.ExitCode, await output, await error);
    }

    private ProcessStartInfo StartInfo(string directory, string executable, string[] arguments)
    {
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The sandbox's runtime and data directories, and akkarpc to start: a client finds only this sandbox's node.
        info.Environment["AKKARPC_RUNTIME_DIR"] = _sandbox.RuntimeDirectory;
        info.Environment["AKKARPC_DATA_DIR"] = _sandbox.DataDirectory;
        info.Environment["AKKARPC_SERVER"] = ClientSandbox.Akkarpc;
        return info;
    }

    private static string ReadmeProgram(string name)
    {
        var readme = File.ReadAllText(RepositoryRoot.File("README.md"));
        var match = Regex.Match(readme, $"<!-- readme-program: {Regex.Escape(name)} -->\\s*```csharp\\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"README has no program marked '{name}'.");
        return match.Groups["code"].Value;
    }

    private static string ReadmeQueryLine()
    {
        var match = ReadmeQuery().Match(File.ReadAllText(RepositoryRoot.File("README.md")).ReplaceLineEndings(" "));
        Assert.True(match.Success, "README gives no akkarpc query line for the hosting program.");
        return Regex.Replace(match.Groups["line"].Value, "\\s+", " ");
    }

    [GeneratedRegex("`(?<line>akkarpc query orders 'SELECT name FROM items'[^`]*--system-name Shop[^`]*)`")]
    private static partial Regex ReadmeQuery();

    private sealed record Program(string Directory, string Executable);
}
