namespace AkkaRpc.Cli.Suites.Owner;

/// <summary>Something that runs the suite's two statements against the same schema: a bare connection, or an owner actor.</summary>
internal interface IStatementTarget : IAsyncDisposable
{
    /// <summary>Gets the label of this target in the table and the JSON.</summary>
    string Name { get; }

    /// <summary>Reads one row by primary key.</summary>
    ValueTask PointQueryAsync(long id, CancellationToken cancellationToken);

    /// <summary>Inserts one row and waits until it is committed.</summary>
    ValueTask InsertAsync(long value, CancellationToken cancellationToken);
}
