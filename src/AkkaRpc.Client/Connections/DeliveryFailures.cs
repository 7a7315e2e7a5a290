using AkkaRpc.Actors;
using AkkaRpc.Remote;
using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Client;

/// <summary>Which failures of an ask mean its message never reached anyone, and which mean there is no node to ask.</summary>
internal static class DeliveryFailures
{
    /// <summary>
    /// The recipient was gone (an owner closed when idle, or a path on a new node): the node's dead letters answered
    /// ActorNotFound, so nothing ran.
    /// </summary>
    public static bool IsNotDelivered(Exception e) =>
        e is ActorNotFoundException || (e is RemoteException remote && remote.RemoteExceptionType == typeof(ActorNotFoundException).FullName);

    /// <summary>Nothing usable answers at that endpoint: not a node, another user's node, nothing listening, or a node going away.</summary>
    public static bool MeansNoNode(Exception e) => e is RemoteUnreachableException or RemoteConnectionLostException || IsNotDelivered(e);
}
