using AkkaRpc.Actors;
using Microsoft.Extensions.Time.Testing;

namespace AkkaRpc.Sqlite.Tests.Owners;

/// <summary>A TestKit with a fake clock, a temporary data directory and <c>/user/databases</c> started on it.</summary>
public abstract class OwnerTestKit : AkkaRpc.TestKit.TestKit, IDisposable
{
    protected OwnerTestKit(Func<DatabasesOptions, DatabasesOptions>? configure = null)
        : this(new FakeTimeProvider(), configure)
    {
    }

    private OwnerTestKit(FakeTimeProvider clock, Func<DatabasesOptions, DatabasesOptions>? configure)
        : base(new ActorSystemOptions { TimeProvider = clock })
    {
        Clock = clock;
        DataDirectory = Path.Combine(Path.GetTempPath(), "akkarpc-owner-tests", Guid.NewGuid().ToString("N"));
        var options = new DatabasesOptions { Database = new DatabaseOptions { DataDirectory = DataDirectory } };
        Options = configure?.Invoke(options) ?? options;
        Databases = Sys.ActorOf(DatabasesSupervisor.Props(Options), DatabasesSupervisor.Name);
    }

    protected FakeTimeProvider Clock { get; }

    protected string DataDirectory { get; }

    protected DatabasesOptions Options { get; }

    protected IActorRef Databases { get; }

    /// <summary>Resolves <paramref name="name"/> to its owner, failing the test on any other answer.</summary>
    protected IActorRef Resolve(string name)
    {
        Databases.Tell(new Resolve(name), TestActor);
        return ExpectMsg<Resolved>().Owner;
    }

    /// <summary>Sends <paramref name="request"/> from the test actor and returns the reply of type <typeparamref name="T"/>.</summary>
    protected T Request<T>(IActorRef owner, DatabaseRequest request)
        where T : DatabaseReply
    {
        owner.Tell(request, TestActor);
        var reply = ExpectMsg<DatabaseReply>();
        return reply as T ?? throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name} but the owner answered {reply}.");
    }

    protected ExecuteResult Exec(IActorRef owner, string sql, SqlParameters? parameters = null) =>
        Request<ExecuteResult>(owner, new Execute(sql, parameters ?? SqlParameters.None));

    protected long Count(IActorRef owner, string table) =>
        Request<QueryResult>(owner, new Query($"SELECT count(*) FROM {table}", SqlParameters.None)).Rows[0][0].AsInteger();

    /// <summary>
    /// Moves the fake clock on in steps until <paramref name="probe"/> receives a <typeparamref name="T"/>. A timer
    /// may be armed just after the test saw a reply (a restart, a re-armed idle timeout), so advancing once could
    /// happen before the timer exists; stepping until the effect shows cannot.
    /// </summary>
    protected T AdvanceUntil<T>(AkkaRpc.TestKit.TestProbe probe, TimeSpan step, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            Clock.Advance(step);
            if (probe.ReceiveOne(TimeSpan.FromMilliseconds(20)) is { } message)
            {
                return message is T expected ? expected : throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name} but got {message}.");
            }
        }

        throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} after advancing the clock {maxSteps} times by {step}.");
    }

    public void Dispose()
    {
        // The system terminates after the test (closing every database), so the files can go.
        Sys.Terminate().Wait(TimeSpan.FromSeconds(10));
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test for it is not.
        }

        GC.SuppressFinalize(this);
    }
}
