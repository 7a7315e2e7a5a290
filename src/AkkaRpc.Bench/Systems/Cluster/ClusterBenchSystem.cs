using AkkaRpc.Bench.Systems.AkkaRpc;
using AkkaRpc.Client;

namespace AkkaRpc.Bench.Systems.Cluster;

/// <summary>
/// An AkkaRpc cluster through the real client library: simulated client number <c>i</c> (in the order they connect) talks
/// to database <c>i mod D</c> through member <c>i mod M</c>, so the load spreads evenly over the databases and every member
/// is an entry point, and most requests reach their owner through another member's shard region, as a cluster's clients'
/// do. The connections are <see cref="AkkaRpcBenchSystem"/>'s, one member's address each.
/// </summary>
internal sealed class ClusterBenchSystem(SystemEndpoint endpoint, string? cookiePath = null) : IBenchSystem
{
    private readonly IReadOnlyList<AkkaRpcBenchSystem> _members =
        [.. endpoint.Addresses.Select(address => new AkkaRpcBenchSystem(endpoint with { Address = address }, cookiePath))];

    private int _nextClient = -1;

    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <summary>
    /// Creates the schema in every database, each through a different member, then has every member reach every
    /// database once: the shard of each is placed and every member's region knows where it lives before anything is timed.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        for (int d = 0; d < Endpoint.Databases; d++)
        {
            await Member(d).PrepareAsync(Endpoint.DatabaseAt(d), cancellationToken).ConfigureAwait(false);
        }

        for (int d = 0; d < Endpoint.Databases; d++)
        {
            foreach (var member in _members)
            {
                var connection = await member.ConnectAsync(Endpoint.DatabaseAt(d), privateConnection: false, cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    await connection.PingAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <inheritdoc/>
    public Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        int client = Interlocked.Increment(ref _nextClient) & int.MaxValue;
        return Member(client).ConnectAsync(Endpoint.DatabaseAt(client), privateConnection: false, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IBenchConnection> ConnectFreshAsync(CancellationToken cancellationToken)
    {
        int client = Interlocked.Increment(ref _nextClient) & int.MaxValue;
        return Member(client).ConnectAsync(Endpoint.DatabaseAt(client), privateConnection: true, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private AkkaRpcBenchSystem Member(int index) => _members[index % _members.Count];
}
