using Akka.Actor;

namespace AkkaRpc.Client;

/// <summary>The association with a node failed or dropped while a request waited for its reply (internal; mapped to the public exceptions).</summary>
internal sealed class AssociationLostException(Address node, AssociationLoss loss, string reason)
    : Exception($"The connection to {node} failed or dropped: {reason}")
{
    /// <summary>Gets the node.</summary>
    public Address Node { get; } = node;

    /// <summary>Gets what happened to the association, and so to the request.</summary>
    public AssociationLoss Loss { get; } = loss;

    /// <summary>Gets whether the request could have reached the node (it was sent on an association that was up); if not, nothing ran.</summary>
    public bool MayHaveArrived => Loss == AssociationLoss.Dropped;

    /// <summary>Gets why, as Akka.Remote or our transport said it.</summary>
    public string Reason { get; } = reason;
}

/// <summary>How an association failed a request.</summary>
internal enum AssociationLoss
{
    /// <summary>No association came up (nothing listening, not a node, another cookie, too slow): the request never left.</summary>
    NeverCameUp,

    /// <summary>Akka.Remote dropped the request before it left, handing it to an association that was closing: try again at once.</summary>
    DroppedUnsent,

    /// <summary>The association the request went out on dropped before the reply: it may have run.</summary>
    Dropped,
}
