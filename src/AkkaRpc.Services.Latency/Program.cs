using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Akka.Actor;
using Akka.Hosting;
using AkkaRpc.Client;
using AkkaRpc.Hosting;
using AkkaRpc.Services;
using AkkaRpc.Services.Latency;
using AkkaRpc.Services.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// What the generated proxy adds over a hand-made message to the same actor: both over the same Unix socket and the
// same client actor system, in alternating rounds, each call timed on its own; medians and p99 of each, same run.
// Run: dotnet run -c Release --project src/AkkaRpc.Services.Latency -- [calls-per-round] [rounds]
var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var dir = Directory.CreateTempSubdirectory("akkarpc-services-latency-").FullName;
var socket = Path.Combine(dir, "echo.sock");
var cookie = Path.Combine(dir, "cookie");
try
{
    var hostBuilder = Host.CreateApplicationBuilder();
    hostBuilder.Services.AddAkka("AkkaRpc", akka => akka
        .WithAkkaRpcTransport(new NodeTransportOptions { TcpEnabled = false, UnixSocket = socket, CookiePath = cookie })
        .WithAkkaRpcService<IEcho, Echo>("echo"));
    using var host = hostBuilder.Build();
    await host.StartAsync();

    var clientBuilder = Host.CreateApplicationBuilder();
    var options = new AkkaRpcClientOptions { UnixSocket = socket, CookiePath = cookie, AutoSpawn = false };
    clientBuilder.Services.AddAkka("client", akka => akka.WithAkkaRpcClient(options));
    using var client = clientBuilder.Build();
    await client.StartAsync();
    var system = client.Services.GetRequiredService<ActorSystem>();

    var proxy = await AkkaRpcServices.GetAsync<IEcho>(system, "echo", options);
    var registry = system.ActorSelection(new RootActorPath(AkkaRpc.Transport.UnixSocketAddress.ToAddress(socket, "AkkaRpc")) / "user" / "services");
    var service = ((ServiceResolved)await registry.Ask<ServiceReply>(new ResolveService("echo"), TimeSpan.FromSeconds(10))).Service;
    var caller = system.ActorOf(Props.Empty, "caller");
    var timeout = TimeSpan.FromSeconds(10);
    long callId = 0;

    async Task<string> HandMade(string text)
    {
        var call = ServiceWire.Attach(new IEchoAkkaRpc.Call1(text), new CallHeader(caller, ++callId, 0, timeout, false));
        return ((IEchoAkkaRpc.Result1)await service.Ask<ServiceReply>(call, timeout)).Value;
    }

    var proxyTimes = new List<double>();
    var handTimes = new List<double>();
    var roundGaps = new List<double>();
    var roundRatios = new List<double>();
    // Warm-up: connection, caches, and the JIT until it has settled. Tiered compilation recompiles a hot method
    // optimized in the background, about 100 ms after it got hot (and later still while new methods keep being compiled);
    // the proxy's path has more methods than the hand-made one, and measured while some of them still ran unoptimized it
    // looked 5-10 us slower than it is once settled. So: at least `calls` of each, then until two batches of at least
    // 250 ms each compile no method (at most 30 s).
    var warmStart = Stopwatch.GetTimestamp();
    var quietBatches = 0;
    for (var warmed = 0; quietBatches < 2 && Stopwatch.GetElapsedTime(warmStart) < TimeSpan.FromSeconds(30);)
    {
        var compiled = JitInfo.GetCompiledMethodCount();
        var batchStart = Stopwatch.GetTimestamp();
        do
        {
            await proxy.EchoAsync("warm");
            await HandMade("warm");
            warmed++;
        }
        while (warmed < calls || Stopwatch.GetElapsedTime(batchStart) < TimeSpan.FromMilliseconds(250));

        quietBatches = JitInfo.GetCompiledMethodCount() == compiled ? quietBatches + 1 : 0;
    }

    var warmUp = Stopwatch.GetElapsedTime(warmStart);
    var compiledBefore = JitInfo.GetCompiledMethodCount();

    for (var round = 0; round < rounds; round++)
    {
        // Alternate which goes first, so drift in the machine's load hits both alike.
        var proxyRound = new List<double>();
        var handRound = new List<double>();
        if (round % 2 == 0)
        {
            await Measure(() => proxy.EchoAsync("hello"), proxyRound);
            await Measure(() => HandMade("hello"), handRound);
        }
        else
        {
            await Measure(() => HandMade("hello"), handRound);
            await Measure(() => proxy.EchoAsync("hello"), proxyRound);
        }

        // Each round's own difference too: the two halves of a round ran back to back, at nearly the same load.
        roundGaps.Add(Percentile(proxyRound, 0.5) - Percentile(handRound, 0.5));
        roundRatios.Add(Percentile(proxyRound, 0.5) / Percentile(handRound, 0.5));
        proxyTimes.AddRange(proxyRound);
        handTimes.AddRange(handRound);
    }

    var p50Proxy = Percentile(proxyTimes, 0.5);
    var p50Hand = Percentile(handTimes, 0.5);
    Console.WriteLine(FormattableString.Invariant($"calls: {proxyTimes.Count} each, {rounds} alternating rounds, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    Console.WriteLine(FormattableString.Invariant($"warm-up: {warmUp.TotalSeconds:0.0} s; methods compiled during the rounds: {JitInfo.GetCompiledMethodCount() - compiledBefore}"));
    Console.WriteLine(FormattableString.Invariant($"hand-made message: p50 {p50Hand:0.0} us, p99 {Percentile(handTimes, 0.99):0.0} us"));
    Console.WriteLine(FormattableString.Invariant($"generated proxy:   p50 {p50Proxy:0.0} us, p99 {Percentile(proxyTimes, 0.99):0.0} us"));
    Console.WriteLine(FormattableString.Invariant($"proxy adds (p50): {p50Proxy - p50Hand:0.0} us ({p50Proxy / p50Hand:0.00}x)"));
    Console.WriteLine(FormattableString.Invariant($"proxy adds, median of the rounds' p50 differences: {Percentile(roundGaps, 0.5):0.0} us ({Percentile(roundRatios, 0.5):0.00}x); rounds: {string.Join(", ", roundGaps.Select(g => g.ToString("0.0", CultureInfo.InvariantCulture)))}"));

    await client.StopAsync();
    await host.StopAsync();
}
finally
{
    Directory.Delete(dir, recursive: true);
}

async Task Measure(Func<Task<string>> call, List<double> times)
{
    for (var i = 0; i < calls; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await call();
        times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
}
