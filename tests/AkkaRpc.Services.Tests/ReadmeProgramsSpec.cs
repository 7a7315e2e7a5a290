using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AkkaRpc.Services.Tests;

/// <summary>
/// The host and client programs README shows under "Your own services" build as written, in projects of their own
/// outside the repository as a user's would be, and talk to each other as two processes.
/// </summary>
public sealed class ReadmeProgramsSpec : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("akkarpc-readme-services-").FullName;

    private static TimeSpan BuildCeiling => TestTime.Seconds(300);

    private static TimeSpan RunCeiling => TestTime.Seconds(60);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_host_and_client_programs_build_and_run_as_written()
    {
        var (hostProgram, clientProgram) = await BuildAsync("greeter-host", "greeter-client");

        using var host = Process.Start(StartInfo(hostProgram)) ?? throw new InvalidOperationException("The host did not start.");
        var lines = new ProcessLines(host, "serving greeter at ");
        try
        {
            await lines.Ready.WaitAsync(RunCeiling);

            using var client = Process.Start(StartInfo(clientProgram)) ?? throw new InvalidOperationException("The client did not start.");
            var output = client.StandardOutput.ReadToEndAsync();
            var error = client.StandardError.ReadToEndAsync();
            await client.WaitForExitAsync().WaitAsync(RunCeiling);
            Assert.True(client.ExitCode == 0, $"exit {client.ExitCode}\n{await output}\n{await error}");
            Assert.Equal(
                ["Hello, Ada! (#1)", "waved at: Bob", "refused: a name, please", "Hello, just me!"],
                (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            using (var term = Process.Start("kill", ["-TERM", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            await host.WaitForExitAsync().WaitAsync(RunCeiling);
        }

        Assert.True(host.ExitCode == 0, lines.ToString());
        Assert.False(File.Exists(Path.Combine(_root, "run", "service-greeter.sock")), "the host left its socket file");
    }

    /// <summary>Writes each README program into a project of its own and builds them together (one build, to keep it short).</summary>
    private async Task<(string, string)> BuildAsync(string host, string client)
    {
        foreach (var name in new[] { host, client })
        {
            await WriteProjectAsync(name);
        }

        await File.WriteAllTextAsync(Path.Combine(_root, "programs.slnx"), $"""
            <Solution>
              <Project Path="{host}/{host}.csproj" />
              <Project Path="{client}/{client}.csproj" />
            </Solution>
            """);
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "programs.slnx", "-c", "Debug", "--nologo"])
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = build.StandardOutput.ReadToEndAsync();
        var error = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync().WaitAsync(BuildCeiling);
        Assert.True(build.ExitCode == 0, $"README's programs do not build:\n{await output}\n{await error}");
        return (Executable(host), Executable(client));
    }

    private string Executable(string name) => Path.Combine(_root, name, "bin", "Debug", "net10.0", name);

    private async Task WriteProjectAsync(string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), ReadmeProgram(name));
        var src = Path.Combine(RepositoryRoot.Path, "src");
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
                <ProjectReference Include="{Path.Combine(src, "AkkaRpc.Services", "AkkaRpc.Services.csproj")}" />
                <ProjectReference Include="{Path.Combine(src, "AkkaRpc.Services.Generator", "AkkaRpc.Services.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.14" />
              </ItemGroup>
            </Project>
            """);
    }

    private ProcessStartInfo StartInfo(string executable)
    {
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // A runtime directory of the test's own, where the host's socket goes and the client looks; the cookie is the
        // user's default, as for the README's database programs.
        info.Environment["AKKARPC_RUNTIME_DIR"] = Path.Combine(_root, "run");
        return info;
    }

    private static string ReadmeProgram(string name)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var match = Regex.Match(readme, $"<!-- readme-program: {Regex.Escape(name)} -->\\s*```csharp\\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"README has no program marked '{name}'.");
        return match.Groups["code"].Value;
    }
}
