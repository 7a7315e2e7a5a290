using AkkaRpc.Actors;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Cli.Suites.Owner;

/// <summary>The same statements sent to a <c>DatabaseOwner</c> (resolved through <c>/user/databases</c>) with <c>Ask</c>.</summary>
internal sealed class OwnerTarget : IStatementTarget
{
    /// <summary>The label of the owner rows.</summary>
    public const string SystemName = "owner actor";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly ActorSystem _system;
    private readonly IActorRef _owner;

    private OwnerTarget(ActorSystem system, IActorRef owner)
    {
        _system = system;
        _owner = owner;
    }

    /// <inheritdoc />
    public string Name => SystemName;

    public static async Task<OwnerTarget> StartAsync(DatabasesOptions options, string name, CancellationToken cancellationToken)
    {
        var system = ActorSystem.Create("bench-owner");
        var databases = system.ActorOf(DatabasesSupervisor.Props(options), DatabasesSupervisor.Name);
        var resolved = await databases.Ask<DatabaseReply>(new Resolve(name), s_timeout, cancellationToken);
        var owner = Replies.Expect<Resolved>(resolved).Owner;
        await OwnerSchema.SeedAsync(owner, s_timeout, cancellationToken);
        return new OwnerTarget(system, owner);
    }

    /// <inheritdoc />
    public async ValueTask PointQueryAsync(long id, CancellationToken cancellationToken)
    {
        var reply = await _owner.Ask<DatabaseReply>(OwnerSchema.PointQueryFor(id), s_timeout, cancellationToken);
        if (Replies.Expect<QueryResult>(reply).Rows.Count != 1)
        {
            throw new InvalidOperationException($"Row {id} is missing.");
        }
    }

    /// <inheritdoc />
    public async ValueTask InsertAsync(long value, CancellationToken cancellationToken) =>
        Replies.Expect<ExecuteResult>(await _owner.Ask<DatabaseReply>(new Execute(OwnerSchema.Insert, SqlParameters.Named(("value", value))), s_timeout, cancellationToken));

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _system.Terminate();
}
