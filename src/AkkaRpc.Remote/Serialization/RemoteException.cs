namespace AkkaRpc.Remote.Serialization;

/// <summary>An exception that was thrown on another node and reached this one inside a <c>Status.Failure</c>.</summary>
/// <remarks>
/// Exceptions cross the wire as text: the remote type's name (for information only), the message and
/// the inner exceptions. Nothing is ever instantiated from a type name, so a peer cannot make this
/// process construct arbitrary types.
/// </remarks>
public sealed class RemoteException : Exception
{
    /// <summary>Creates the exception from what the remote node reported.</summary>
    /// <param name="remoteExceptionType">The full name of the exception's type on the remote node.</param>
    /// <param name="message">The remote exception's message.</param>
    /// <param name="remoteInnerExceptions">The remote inner exceptions as text, one per line, or null if there were none.</param>
    public RemoteException(string remoteExceptionType, string message, string? remoteInnerExceptions)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(remoteExceptionType);
        RemoteExceptionType = remoteExceptionType;
        RemoteInnerExceptions = remoteInnerExceptions;
    }

    /// <summary>Creates the exception with an unknown remote type.</summary>
    public RemoteException()
        : this("System.Exception", "A remote operation failed.", null)
    {
    }

    /// <summary>Creates the exception with an unknown remote type.</summary>
    public RemoteException(string message)
        : this("System.Exception", message, null)
    {
    }

    /// <summary>Creates the exception with an unknown remote type and a local cause.</summary>
    public RemoteException(string message, Exception innerException)
        : base(message, innerException)
    {
        RemoteExceptionType = "System.Exception";
    }

    /// <summary>The full name of the exception's type on the remote node; text only, never loaded.</summary>
    public string RemoteExceptionType { get; }

    /// <summary>The remote inner exceptions as <c>Type: message</c> lines, outermost first, or null.</summary>
    public string? RemoteInnerExceptions { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        RemoteInnerExceptions is null
            ? $"{RemoteExceptionType} (remote): {Message}"
            : $"{RemoteExceptionType} (remote): {Message}{Environment.NewLine}{RemoteInnerExceptions}";
}
