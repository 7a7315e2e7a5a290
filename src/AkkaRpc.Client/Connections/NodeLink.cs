using Akka.Actor;

namespace AkkaRpc.Client;

/// <summary>
/// What the client knows of its association with one node: whether it is up, and a token cancelled the moment it drops,
/// so a request in flight fails at once instead of waiting out its timeout.
/// </summary>
/// <remarks>
/// A request takes a <see cref="Ticket"/> before it is sent. If the token then fires, <see cref="MayHaveArrived"/> tells
/// whether the message could have reached the node: not when the association was down at send time and never came up
/// since (Akka.Remote had buffered it, then dropped it when the association failed); otherwise the outcome is unknown.
/// </remarks>
/// <param name="node">The node's address.</param>
/// <param name="associated">Whether to take the association as up until an event says otherwise.</param>
internal sealed class NodeLink(Address node, bool associated)
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _lost = new();
    private long _associations;
    private bool _associated = associated;
    private string? _lastFailure;

    /// <summary>Gets the node's address.</summary>
    public Address Node { get; } = node;

    /// <summary>Gets why the association last failed or dropped, for error messages; null if it never did.</summary>
    public string? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>Takes a ticket for a request about to be sent.</summary>
    public Ticket Take()
    {
        lock (_gate)
        {
            return new Ticket(_lost.Token, _associations, _associated);
        }
    }

    /// <summary>Whether a request whose ticket's token fired could have reached the node before the association dropped.</summary>
    public bool MayHaveArrived(Ticket ticket)
    {
        lock (_gate)
        {
            return ticket.WasAssociated || _associations > ticket.Associations;
        }
    }

    /// <summary>Akka.Remote reports the association up.</summary>
    public void Associated()
    {
        lock (_gate)
        {
            _associated = true;
            _associations++;
        }
    }

    /// <summary>
    /// Akka.Remote reports the association closed. One drop can bring more than one such event (and a failed
    /// association brings one after its error): only the first, while the link is up, counts, so that a late one does
    /// not fail requests sent over the next association.
    /// </summary>
    /// <returns>Whether a live association dropped (as <see cref="Lost"/>).</returns>
    public bool Disassociated()
    {
        bool wasUp;
        lock (_gate)
        {
            wasUp = _associated;
        }

        return wasUp && Lost("the connection to the node closed");
    }

    /// <summary>Akka.Remote reports the association failed or dropped: every request holding a ticket from before learns it now.</summary>
    /// <returns>Whether the association had been up (a live one dropped), rather than an attempt failing.</returns>
    public bool Lost(string reason)
    {
        CancellationTokenSource lost;
        bool wasUp;
        lock (_gate)
        {
            wasUp = _associated;
            _associated = false;
            Volatile.Write(ref _lastFailure, reason);
            lost = _lost;
            _lost = new CancellationTokenSource();
        }

        // Outside the lock: cancellation runs the waiting requests' callbacks.
        lost.Cancel();
        return wasUp;
    }

    /// <summary>Gets whether this link's state follows every event since the association began (not so for a borrowed system's first use).</summary>
    public bool Exact { get; } = !associated;

    /// <summary>A request's view of the link when it was sent.</summary>
    /// <param name="Lost">Cancelled when the association the request went out on fails or drops.</param>
    /// <param name="Associations">How many times the association had come up before.</param>
    /// <param name="WasAssociated">Whether it was up when the request was sent.</param>
    internal readonly record struct Ticket(CancellationToken Lost, long Associations, bool WasAssociated);
}
