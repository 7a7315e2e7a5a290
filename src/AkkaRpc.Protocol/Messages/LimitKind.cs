namespace AkkaRpc.Protocol;

/// <summary>A configured limit that a request went over.</summary>
public enum LimitKind
{
    /// <summary>The SQL text is longer than <c>MaxStatementLength</c> characters.</summary>
    StatementLength = 1,

    /// <summary>A batch has more than <c>MaxBatchStatements</c> statements.</summary>
    BatchStatements = 2,

    /// <summary>More than <c>MaxOpenCursors</c> cursors, of all clients together, would be open at once on the database.</summary>
    OpenCursors = 3,

    /// <summary>One row of the result is bigger than one reply may be (the transport's frame).</summary>
    ReplySize = 4,

    /// <summary>One client (one process, by its address) would hold more than <c>MaxCursorsPerClient</c> open cursors on the database.</summary>
    ClientCursors = 5,

    // 6-10 left free for limits other changes add; these numbers are on the wire and never change.

    /// <summary>The node already has <c>MaxOpenDatabases</c> databases open and none of them is idle enough to close.</summary>
    OpenDatabases = 11,

    /// <summary>The requests queued for the node's databases, together, would take more than <c>MaxQueuedBytes</c> of memory.</summary>
    QueuedBytes = 12,
}
