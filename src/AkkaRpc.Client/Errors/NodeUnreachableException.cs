namespace AkkaRpc.Client;

/// <summary>No AkkaRpc node answered at the configured endpoints and none could be started (auto-spawn off, or the spawned node did not come up). Nothing was sent.</summary>
public sealed class NodeUnreachableException : AkkaRpcException
{
    /// <summary>Creates the exception.</summary>
    public NodeUnreachableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NodeUnreachableException()
        : this("No AkkaRpc node could be reached.")
    {
    }
}
