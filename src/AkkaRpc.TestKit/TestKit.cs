using System.Text;
using AkkaRpc.Actors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace AkkaRpc.TestKit;

/// <summary>
/// The base of an xunit test class that tests actors: each test gets a fresh <see cref="Sys"/>, terminated after it,
/// and a default probe, <see cref="TestActor"/>, which is the implicit sender of <c>Tell(message)</c> from test code.
/// The probe's expectations (<c>ExpectMsg</c>, <c>ExpectNoMsg</c>, ...) are available directly, as in Akka.TestKit.
/// </summary>
/// <remarks>
/// xunit creates a new instance of the class for every test and calls <see cref="IAsyncLifetime.InitializeAsync"/> and
/// <see cref="IAsyncLifetime.DisposeAsync"/> around it, so nothing here is shared between tests.
/// </remarks>
public abstract partial class TestKit : IAsyncLifetime
{
    private readonly TestOutputLoggerFactory? _loggerFactory;
    private int _probeCount;

    /// <summary>A test kit with default options and no log output.</summary>
    protected TestKit()
        : this(null, null)
    {
    }

    /// <summary>A test kit whose actor system logs to <paramref name="output"/>.</summary>
    protected TestKit(ITestOutputHelper output)
        : this(null, output)
    {
    }

    /// <summary>
    /// A test kit whose actor system uses <paramref name="options"/> (e.g. a fake <see cref="TimeProvider"/>) and, unless
    /// the options name a logger factory, logs to <paramref name="output"/>.
    /// </summary>
    protected TestKit(ActorSystemOptions? options, ITestOutputHelper? output = null)
    {
        options ??= new ActorSystemOptions();
        if (output is not null && options.LoggerFactory is NullLoggerFactory)
        {
            _loggerFactory = new TestOutputLoggerFactory(output, LogLevel.Information);
            options = options with { LoggerFactory = _loggerFactory };
        }

        Sys = ActorSystem.Create(SystemNameFor(GetType()), options);
        TestProbe = new TestProbe(Sys, "testActor");

        // Also set here, for code the constructor runs; InitializeAsync sets it again for the test itself.
        ImplicitSender.Current = TestProbe.Ref;
    }

    /// <summary>The actor system of the current test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The default probe behind <see cref="TestActor"/> and the expectation methods on this class.</summary>
    public TestProbe TestProbe { get; }

    /// <summary>The default probe's reference: the implicit sender of <c>Tell(message)</c> in test code.</summary>
    public IActorRef TestActor => TestProbe.Ref;

    /// <summary>The sender of the last message the default probe received.</summary>
    public IActorRef LastSender => TestProbe.LastSender;

    /// <summary>Scales <paramref name="duration"/> by <see cref="TestKitSettings.TimeFactor"/>.</summary>
    public static TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilated(duration);

    /// <summary>Creates another probe in <see cref="Sys"/>, named <c>/system/testProbe-N</c> or <c>/system/{name}</c>.</summary>
    public TestProbe CreateTestProbe(string? name = null)
    {
        var n = Interlocked.Increment(ref _probeCount);
        if (name is not null && !ActorPath.IsValidPathElement(name))
        {
            throw new ArgumentException($"'{name}' is not a valid actor name.", nameof(name));
        }

        return new TestProbe(Sys, name ?? $"testProbe-{n}");
    }

    /// <summary>Makes <paramref name="sender"/> the implicit sender of <c>Tell(message)</c> in the current async flow (null: none).</summary>
    protected static void SetImplicitSender(IActorRef? sender) => ImplicitSender.Current = sender;

    /// <summary>Runs before each test, after the constructor.</summary>
    Task IAsyncLifetime.InitializeAsync()
    {
        // Deliberately not an async method: xunit 2 creates the class and calls this from its own async method, which then
        // invokes the test method. An AsyncLocal written by a synchronous call stays in that caller's flow (an async
        // method would restore its caller's values on return), so the test method sees TestActor as the sender.
        ImplicitSender.Current = TestProbe.Ref;
        return Task.CompletedTask;
    }

    /// <summary>Terminates the actor system after each test and fails the test if it does not stop within the (dilated) ceiling.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        ImplicitSender.Current = null;
        var ceiling = Dilated(TestKitSettings.ShutdownTimeout);
        try
        {
            await Sys.Terminate().WaitAsync(ceiling).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TestKitAssertionException($"The actor system {Sys.Name} did not terminate within {TestProbe.Format(ceiling)}.");
        }
        finally
        {
            _loggerFactory?.Dispose();
        }
    }

    private static string SystemNameFor(Type testClass)
    {
        var name = new StringBuilder();
        foreach (var c in testClass.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return name.Length == 0 ? "test" : name.ToString();
    }
}
