using System.Globalization;
using AkkaRpc.Client;
using AkkaRpc.Protocol;

namespace AkkaRpc.Bench.Systems.AkkaRpc;

/// <summary>
/// AkkaRpc through the real client library, never auto-spawning a node: each simulated client gets its own
/// <see cref="AkkaRpcDatabase"/> handle on the node's owner of the database and runs the benchmark's SQL through it.
/// The client is safe for concurrent use, so a pipelined workload keeps its requests outstanding on one handle.
/// </summary>
/// <remarks>
/// <para>
/// Handles share the process's client actor system and so its one connection to the node, as an application's do
/// (the client's default): a simulated client is a caller in a process, and a private connection would cost it an
/// actor system of its own (threads, scheduler, remoting), which 128 of them on two cores measure instead of the node.
/// The connection scenario opens private connections (<see cref="ConnectFreshAsync"/>): a system, an association, the
/// cookie handshake and the resolve, what a new process pays.
/// </para>
/// <para>
/// The same adapter serves <c>akkarpc_tcp</c>, <c>akkarpc_unix</c> and <c>akka_dotnetty</c>: only the client options
/// differ (<see cref="OptionsFor"/>), so the figures of the three differ by the transport alone, the node, owners,
/// serializers and client being the same. Only the client's public API is used.
/// </para>
/// </remarks>
internal sealed class AkkaRpcBenchSystem(SystemEndpoint endpoint, string? cookiePath = null) : IBenchSystem
{
    /// <summary>The address scheme of Akka.Remote's stock DotNetty TCP transport.</summary>
    public const string DotNettyScheme = "akka.tcp";

    /// <inheritdoc/>
    public SystemEndpoint Endpoint { get; } = endpoint;

    /// <summary>
    /// Client options that reach exactly the node at <paramref name="address"/>: one TCP port or one Unix socket of
    /// AkkaRpc's transport, or a node's Akka.Remote stock DotNetty listener (<c>akka.tcp://</c>) named as the client's
    /// node address, which makes the client's own system speak DotNetty too.
    /// </summary>
    public static AkkaRpcClientOptions OptionsFor(string address, string? cookiePath = null)
    {
        var node = NodeAddress.Parse(address);
        var options = new AkkaRpcClientOptions
        {
            AutoSpawn = false,
            TcpPortCount = 0,
            CookiePath = cookiePath,
            SystemName = node.SystemName,
            // A benchmark runs the machine flat out (a cluster suite starts seven servers at once on two cores): a
            // node that is merely slow to accept must not fail the run. What a connect costs is timed, not bounded.
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        if (node.SocketPath is { } socket)
        {
            options.UnixSocket = socket;
            return options;
        }

        string host = node.Host!;
        if (node.Scheme == DotNettyScheme)
        {
            string bracketed = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host; // an IPv6 address
            options.NodeAddress = $"{DotNettyScheme}://{node.SystemName}@{bracketed}:{node.Port.ToString(CultureInfo.InvariantCulture)}";
            return options;
        }

        options.UnixSocket = ""; // only this TCP endpoint: no Unix socket to look at first
        options.TcpHost = host;
        options.TcpPort = node.Port;
        options.TcpPortCount = 1;
        return options;
    }

    /// <inheritdoc/>
    public Task PrepareAsync(CancellationToken cancellationToken) => PrepareAsync(Endpoint.Database, cancellationToken);

    /// <summary>Creates the benchmark's tables and seed rows in <paramref name="databaseName"/> on this node.</summary>
    public async Task PrepareAsync(string databaseName, CancellationToken cancellationToken)
    {
        var database = await AkkaRpcClient.ConnectAsync(databaseName, OptionsFor(Endpoint.Address, cookiePath), cancellationToken).ConfigureAwait(false);
        await using (database.ConfigureAwait(false))
        {
            foreach (var statement in BenchSchema.Create)
            {
                await database.ExecuteAsync(statement, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public Task<IBenchConnection> ConnectAsync(CancellationToken cancellationToken) => ConnectAsync(Endpoint.Database, privateConnection: false, cancellationToken);

    /// <inheritdoc/>
    public Task<IBenchConnection> ConnectFreshAsync(CancellationToken cancellationToken) => ConnectAsync(Endpoint.Database, privateConnection: true, cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Opens a client's handle on <paramref name="databaseName"/> on this node; a private connection is a new process's first one.</summary>
    public async Task<IBenchConnection> ConnectAsync(string databaseName, bool privateConnection, CancellationToken cancellationToken)
    {
        var options = OptionsFor(Endpoint.Address, cookiePath);
        options.PrivateConnection = privateConnection;
        return new Connection(await AkkaRpcClient.ConnectAsync(databaseName, options, cancellationToken).ConfigureAwait(false));
    }

    private sealed class Connection(AkkaRpcDatabase database) : IBenchConnection
    {
        public async Task<Transfer> PingAsync(CancellationToken cancellationToken)
        {
            await database.PingAsync(cancellationToken).ConfigureAwait(false);
            return Transfer.None;
        }

        public async Task<Transfer> PointQueryAsync(long id, CancellationToken cancellationToken)
        {
            var rows = await database.QueryAsync(BenchSchema.PointQuery, SqlParameters.Named(("id", id)), cancellationToken: cancellationToken).ConfigureAwait(false);
            return rows.Count == 1 ? Transfer.None : throw new InvalidDataException($"Row {id} is missing.");
        }

        public async Task<Transfer> InsertAsync(long value, CancellationToken cancellationToken)
        {
            await database.ExecuteAsync(BenchSchema.Insert, SqlParameters.Named(("value", value)), cancellationToken: cancellationToken).ConfigureAwait(false);
            return Transfer.None;
        }

        public async Task<(long Id, Transfer Transfer)> UploadBlobAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            var rows = await database.QueryAsync(BenchSchema.InsertBlob, SqlParameters.Named(("data", data)), cancellationToken: cancellationToken).ConfigureAwait(false);
            long id = rows.Count == 1 && rows[0].GetValue(0).Kind == SqlValueKind.Integer ? rows[0].GetValue(0).AsInteger() : throw new InvalidDataException("Storing a blob returned no id.");
            return (id, new Transfer(data.Length, 0));
        }

        public async Task<Transfer> DownloadBlobAsync(long id, int expectedLength, CancellationToken cancellationToken)
        {
            var rows = await database.QueryAsync(BenchSchema.SelectBlob, SqlParameters.Named(("id", id)), cancellationToken: cancellationToken).ConfigureAwait(false);
            int length = rows.Count == 1 && rows[0].GetValue(0).Kind == SqlValueKind.Blob ? rows[0].GetValue(0).AsBlob().Length : -1;
            PayloadCheck.Length($"Blob {id}", length, expectedLength);
            return new Transfer(0, length);
        }

        public async Task<Transfer> UploadChunkAsync(long transferId, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        {
            await database.ExecuteAsync(BenchSchema.InsertChunk, SqlParameters.Named(("transfer", transferId), ("seq", sequence), ("data", chunk)), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new Transfer(chunk.Length, 0);
        }

        public async Task<Transfer> DownloadChunkAsync(long transferId, int sequence, int expectedLength, CancellationToken cancellationToken)
        {
            var rows = await database.QueryAsync(BenchSchema.SelectChunk, SqlParameters.Named(("transfer", transferId), ("seq", sequence)), cancellationToken: cancellationToken).ConfigureAwait(false);
            int length = rows.Count == 1 && rows[0].GetValue(0).Kind == SqlValueKind.Blob ? rows[0].GetValue(0).AsBlob().Length : -1;
            PayloadCheck.Length($"Chunk {sequence} of file {transferId}", length, expectedLength);
            return new Transfer(0, length);
        }

        public async Task DeleteTransferAsync(long transferId, CancellationToken cancellationToken) =>
            await database.ExecuteAsync(BenchSchema.DeleteTransfer, SqlParameters.Named(("transfer", transferId)), cancellationToken: cancellationToken).ConfigureAwait(false);

        public ValueTask DisposeAsync() => database.DisposeAsync();
    }
}
