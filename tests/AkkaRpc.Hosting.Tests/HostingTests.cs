using AkkaRpc.Actors;
using AkkaRpc.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkkaRpc.Hosting.Tests;

public sealed class HostingTests : IDisposable
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(10 * TimeFactor);
    private readonly string _dir = Directory.CreateTempSubdirectory("akkarpc-hosting-").FullName;

    private static double TimeFactor =>
        double.TryParse(Environment.GetEnvironmentVariable("AKKARPC_TEST_TIME_FACTOR"), System.Globalization.CultureInfo.InvariantCulture, out var f) && f > 0 ? f : 1;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task GetAsync_BeforeTheHostStarted_WaitsAndReturnsTheRegisteredActor()
    {
        using var host = BuildHost(b => b.WithActors((system, registry) =>
            registry.Register<Echo>(system.ActorOf(Props.Create(() => new Echo()), "echo"))));
        var registry = host.Services.GetRequiredService<ActorRegistry>();

        var pending = registry.GetAsync<Echo>();
        Assert.False(pending.IsCompleted);
        await host.StartAsync();

        var echo = await pending.WaitAsync(Ceiling);
        Assert.Equal("hello", await echo.Ask<string>("hello", Ceiling));
        Assert.Equal("/user/echo", echo.Path.ToStringWithoutAddress());
        await host.StopAsync();
    }

    [Fact]
    public async Task StopAsync_TerminatesTheSystem_AndEveryPostStopHasRun()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = BuildHost(b => b.WithActors((system, _) =>
            system.ActorOf(Props.Create(() => new Echo(stopped)), "echo")));
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();

        await host.StopAsync();

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        Assert.True(stopped.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Options_ComeFromHocon_AndCommandLineFlagsOverrideTheSameKeys()
    {
        var hocon = Path.Combine(_dir, "test.conf");
        await File.WriteAllTextAsync(hocon, "akkarpc { actor { throughput = 7, ask-timeout = 2s, log-dead-letters = 3 } }");
        using var host = BuildHost(_ => { }, hocon, ["--actor:throughput=9"]);
        await host.StartAsync();

        var options = host.Services.GetRequiredService<ActorSystem>().Options;

        Assert.Equal(9, options.Throughput);
        Assert.Equal(TimeSpan.FromSeconds(2), options.DefaultAskTimeout);
        Assert.Equal(3, options.LogDeadLetters);
        await host.StopAsync();
    }

    [Fact]
    public async Task Options_EnvironmentVariablesOverrideHocon()
    {
        var hocon = Path.Combine(_dir, "env.conf");
        await File.WriteAllTextAsync(hocon, "akkarpc.actor.log-dead-letters = 3");
        const string variable = "AKKARPC__ACTOR__LOG-DEAD-LETTERS";
        Environment.SetEnvironmentVariable(variable, "42");
        try
        {
            using var host = BuildHost(_ => { }, hocon);
            await host.StartAsync();

            Assert.Equal(42, host.Services.GetRequiredService<ActorSystem>().Options.LogDeadLetters);
            await host.StopAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task StartAsync_WithAnInvalidSetting_FailsWithTheKey_AndPendingLookupsFailToo()
    {
        using var host = BuildHost(_ => { }, hoconPath: null, ["--actor:throughput=zero"]);
        var lookup = host.Services.GetRequiredService<ActorRegistry>().GetAsync<Echo>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("akkarpc.actor.throughput", error.Message, StringComparison.Ordinal);
        var lookupError = await Assert.ThrowsAsync<InvalidOperationException>(() => lookup.WaitAsync(Ceiling));
        Assert.Contains("failed to start", lookupError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAkkaRpc_Twice_IsRefused()
    {
        var services = new ServiceCollection();
        services.AddAkkaRpc("one", _ => { });

        var error = Assert.Throws<InvalidOperationException>(() => services.AddAkkaRpc("two", _ => { }));
        Assert.Contains("already", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithStartup_RunsAfterActorsInOrder_AndCanAskThem()
    {
        string? answer = null;
        using var host = BuildHost(b => b
            .WithActors((system, registry) => registry.Register<Echo>(system.ActorOf(Props.Create(() => new Echo()), "echo")))
            .WithStartup(async (_, registry, _, ct) =>
            {
                var echo = await registry.GetAsync<Echo>(ct);
                answer = await echo.Ask<string>("ready", Ceiling, ct);
            }));

        await host.StartAsync();

        Assert.Equal("ready", answer);
        await host.StopAsync();
    }

    private static IHost BuildHost(Action<AkkaRpcBuilder> configure, string? hoconPath = null, string[]? args = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddAkkaRpcConfiguration(hoconPath, args);
        builder.Services.AddAkkaRpc("HostingTest", configure);
        return builder.Build();
    }

    private sealed class Echo : ReceiveActor
    {
        private readonly TaskCompletionSource? _stopped;

        public Echo(TaskCompletionSource? stopped = null)
        {
            _stopped = stopped;
            Receive<string>(s => Sender.Tell(s));
        }

        protected override void PostStop() => _stopped?.TrySetResult();
    }
}
