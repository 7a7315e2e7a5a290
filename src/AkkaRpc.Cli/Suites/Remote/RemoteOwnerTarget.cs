using System.Diagnostics;
using AkkaRpc.Actors;
using AkkaRpc.Cli.Suites.Owner;
using AkkaRpc.Remote;
using AkkaRpc.Remote.Serialization;
using AkkaRpc.Sqlite;
using AkkaRpc.Sqlite.Wire;

namespace AkkaRpc.Cli.Suites.Remote;

/// <summary>Point queries by primary key from a client system to a <c>DatabaseOwner</c> in a server system, over real sockets.</summary>
internal sealed class RemoteOwnerTarget : IRemoteTarget
{
    /// <summary>The label of the AkkaRpc rows.</summary>
    public const string SystemName = "akkarpc remote owner";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly IActorRef _owner;
    private readonly Func<ValueTask> _dispose;
    private long _next;

    private RemoteOwnerTarget(string transport, IActorRef owner, Func<ValueTask> dispose)
    {
        Transport = transport;
        _owner = owner;
        _dispose = dispose;
    }

    public string Name => SystemName;

    public string Transport { get; }

    public static async Task<RemoteOwnerTarget> StartAsync(string transport, string directory, DatabasesOptions options, CancellationToken cancellationToken)
    {
        var cookie = new RemoteTransportOptions { CookiePath = Path.Combine(directory, "cookie") };
        var server = ActorSystem.Create("bench-server");
        var serverRemoting = await Remoting.StartAsync(
            server,
            transport == "unix"
                ? new RemotingOptions { Transport = cookie, ListenTcp = false, UnixSocketPath = Path.Combine(directory, "run", "node.sock") }
                : new RemotingOptions { Transport = cookie },
            SqliteCodecs.CreateRegistry(),
            cancellationToken);
        server.ActorOf(DatabasesSupervisor.Props(options), DatabasesSupervisor.Name);

        var client = ActorSystem.Create("bench-client");
        var clientRemoting = await Remoting.StartAsync(client, new RemotingOptions { Transport = cookie, ListenTcp = false }, SqliteCodecs.CreateRegistry(), cancellationToken);
        var databases = await client.ActorSelection($"{serverRemoting.Addresses[0]}/user/databases").ResolveOne(s_timeout, cancellationToken);
        var owner = Replies.Expect<Resolved>(await databases.Ask<DatabaseReply>(new Resolve("remote-" + transport), s_timeout, cancellationToken)).Owner;
        await OwnerSchema.SeedAsync(owner, s_timeout, cancellationToken);
        return new RemoteOwnerTarget(transport, owner, async () =>
        {
            await clientRemoting.DisposeAsync();
            await client.Terminate();
            await serverRemoting.DisposeAsync();
            await server.Terminate();
        });
    }

    public async Task RoundTripAsync(CancellationToken cancellationToken)
    {
        var id = (Interlocked.Increment(ref _next) * 7919 % OwnerSchema.SeedRows) + 1;
        var reply = await _owner.Ask<DatabaseReply>(OwnerSchema.PointQueryFor(id), s_timeout, cancellationToken);
        if (Replies.Expect<QueryResult>(reply).Rows.Count != 1)
        {
            throw new InvalidOperationException($"Row {id} is missing.");
        }
    }

    public async Task<long> PipelineAsync(int inFlight, long max, long deadlineTimestamp, CancellationToken cancellationToken)
    {
        long done = 0;
        var workers = Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref done) <= max && Stopwatch.GetTimestamp() < deadlineTimestamp)
            {
                await RoundTripAsync(cancellationToken);
            }

            Interlocked.Decrement(ref done);
        });
        await Task.WhenAll(workers);
        return Math.Min(done, max);
    }

    public ValueTask DisposeAsync() => _dispose();
}
