namespace AkkaRpc.Sqlite;

/// <summary>Why <see cref="StatementLimit"/> stopped a statement.</summary>
internal enum StatementStop
{
    /// <summary>It was not stopped.</summary>
    None,

    /// <summary>Its request's time limit passed.</summary>
    TimedOut,

    /// <summary>The node is stopping (the supervisor's <see cref="DatabasesSupervisor.Drain"/>).</summary>
    NodeStopping,
}
