using Akka.Actor;

namespace AkkaRpc.Sqlite;

internal sealed partial class DatabaseOwner
{
    /// <inheritdoc />
    /// <remarks>
    /// <see cref="DatabasesSupervisor.CloseIfIdle"/> is answered here, in whichever state the owner is, so no state
    /// needs a handler for it: it reaches this method because none of them takes it.
    /// </remarks>
    protected override void Unhandled(object message)
    {
        if (message is DatabasesSupervisor.CloseIfIdle)
        {
            CloseIfIdle();
            return;
        }

        base.Unhandled(message);
    }

    /// <summary>Stops now if nothing depends on the open database; otherwise tells the supervisor it is in use.</summary>
    private void CloseIfIdle()
    {
        // Checked and acted on in one message: nothing can start a transaction or open a cursor in between. A request
        // that arrives after this goes to dead letters as the owner stops, answered OwnerStopped (the client resends it).
        var idle = _db is { OpenCursors: 0, ActiveTransactionId: null } && _lease is null && Stash.Count == 0
            && OwnerMessageQueue.Of(Context).Requests == 0;
        if (!idle)
        {
            Context.Parent.Tell(DatabasesSupervisor.InUse.Instance);
            return;
        }

        Context.Stop(Self);
    }
}
