namespace AkkaRpc.Protocol;

/// <summary>Whether a database in a <see cref="DatabaseStatus"/> is serving requests. The values are wire codes: never renumber.</summary>
public enum DatabaseState
{
    /// <summary>Open and answering requests.</summary>
    Open = 0,

    /// <summary>Its owner failed and reopens the file after a backoff delay; requests wait meanwhile.</summary>
    Reopening = 1,

    /// <summary>Idle past its idle timeout: closing after the requests already queued for it.</summary>
    Closing = 2,

    /// <summary>Failed too often; requests are answered <see cref="DatabaseUnavailable"/> until its failure window has passed.</summary>
    Unavailable = 3,
}
