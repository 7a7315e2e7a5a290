using System.Collections.Concurrent;
using System.Net.Sockets;
using Akka.Actor;
using AkkaRpc.Transport.Connections;

namespace AkkaRpc.Transport;

/// <summary>
/// What a node needs from its AkkaRpc transports at run time: where they listen, how many clients are connected
/// (for idle shutdown), and a way to stop taking new connections while live ones finish (drain).
/// </summary>
public sealed class AkkaRpcTransportExtension : IExtension
{
    private readonly ConcurrentDictionary<TransportCore, byte> _transports = new();
    private readonly Lock _budgetLock = new();
    private InboundBudget? _budget;

    /// <summary>Gets the extension of <paramref name="system"/>.</summary>
    public static AkkaRpcTransportExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<AkkaRpcTransportExtension, AkkaRpcTransportExtensionId>();
    }

    /// <summary>
    /// Gets the addresses the system's AkkaRpc transports listen on, as actor paths use them
    /// (<c>akka.rpc.tcp://Sys@127.0.0.1:4053</c>, with the real port when 0 or a search picked it); empty in client mode.
    /// </summary>
    public IReadOnlyList<Address> BoundAddresses =>
        [.. _transports.Keys.Where(t => t.IsListening && t.LocalAddress is not null).Select(t => t.LocalAddress!.WithProtocol("akka." + t.LocalAddress.Protocol))];

    /// <summary>Gets how many authenticated connections other processes have open to this system right now.</summary>
    public int InboundConnectionCount => _transports.Keys.Sum(t => t.InboundConnectionCount);

    /// <summary>
    /// Gets how many inbound connections have been authenticated since the transports started: it moving on means a
    /// client came, even one that was gone again before <see cref="InboundConnectionCount"/> was next read.
    /// </summary>
    public long AcceptedConnectionCount => _transports.Keys.Sum(t => t.AcceptedConnectionCount);

    /// <summary>Refuses new connections on every AkkaRpc transport from now on; connections already open stay.</summary>
    public void StopAccepting()
    {
        foreach (TransportCore transport in _transports.Keys)
        {
            transport.StopAccepting();
        }
    }

    /// <summary>
    /// Listens again at every Unix socket path whose file was removed while the node listened there (the old listener
    /// is closed; open connections stay). A node calls it periodically: a node whose socket file is gone is alive but
    /// unreachable, and a client would start a second one.
    /// </summary>
    /// <returns>The socket paths re-created; empty when every file was in place.</returns>
    /// <exception cref="SocketException">Binding the path again failed (say, another process took it meanwhile).</exception>
    public IReadOnlyList<string> RecreateMissingSocketFiles() =>
        [.. _transports.Keys.Select(t => t.RecreateSocketFile()).OfType<string>()];

    internal IEnumerable<TransportCore> Transports => _transports.Keys;

    /// <summary>
    /// Closes every connection at once, without Akka.Remote's goodbye: to their peers this system vanished, as when its
    /// process is killed, while it keeps running. For tests of what clients do then.
    /// </summary>
    internal void AbortConnections(string reason)
    {
        foreach (var handle in _transports.Keys.SelectMany(t => t.Handles))
        {
            handle.Connection.Abort(new ConnectionException(FailureKind.LocalClose, reason));
        }
    }

    /// <summary>Gets the one inbound byte budget every transport of the system shares; the smallest configured limit applies.</summary>
    internal InboundBudget InboundBudget(long limit)
    {
        lock (_budgetLock)
        {
            if (_budget is null)
            {
                _budget = new InboundBudget(limit);
            }
            else
            {
                _budget.LowerTo(limit);
            }

            return _budget;
        }
    }

    internal void Register(TransportCore transport) => _transports.TryAdd(transport, 0);

    internal void Unregister(TransportCore transport) => _transports.TryRemove(transport, out _);
}

/// <summary>Creates the one <see cref="AkkaRpcTransportExtension"/> of a system.</summary>
internal sealed class AkkaRpcTransportExtensionId : ExtensionIdProvider<AkkaRpcTransportExtension>
{
    public override AkkaRpcTransportExtension CreateExtension(ExtendedActorSystem system) => new();
}
