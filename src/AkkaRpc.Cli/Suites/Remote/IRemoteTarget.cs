namespace AkkaRpc.Cli.Suites.Remote;

/// <summary>One way to do a request/reply over one connection: raw bytes on a socket, or a point query through a remote owner.</summary>
internal interface IRemoteTarget : IAsyncDisposable
{
    /// <summary>Gets the label of this target in the table and the JSON.</summary>
    string Name { get; }

    /// <summary>Gets the transport, "tcp" or "unix".</summary>
    string Transport { get; }

    /// <summary>One request and its reply.</summary>
    Task RoundTripAsync(CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="inFlight"/> requests outstanding until <paramref name="max"/> replies or the deadline; returns the replies.</summary>
    Task<long> PipelineAsync(int inFlight, long max, long deadlineTimestamp, CancellationToken cancellationToken);
}
