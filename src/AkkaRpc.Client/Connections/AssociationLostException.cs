using Akka.Actor;

namespace AkkaRpc.Client;

/// <summary>The association with a node failed or dropped while a request waited for its reply (internal; mapped to the public exceptions).</summary>
internal sealed class AssociationLostException(Address node, bool mayHaveArrived, string reason)
    : Exception($"The connection to {node} failed or dropped: {reason}")
{
    /// <summary>Gets the node.</summary>
    public Address Node { get; } = node;

    /// <summary>Gets whether the request could have reached the node (it was sent on an association that was up); if not, nothing ran.</summary>
    public bool MayHaveArrived { get; } = mayHaveArrived;

    /// <summary>Gets why, as Akka.Remote or our transport said it.</summary>
    public string Reason { get; } = reason;
}
