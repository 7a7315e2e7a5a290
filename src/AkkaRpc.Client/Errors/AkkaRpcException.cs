using System.Data.Common;

namespace AkkaRpc.Client;

/// <summary>
/// Base of every failure the client reports. Each kind has its own type and a message that says what to do; the
/// client and the node stay usable after any of them. It is a <see cref="DbException"/>, as every ADO.NET provider's
/// errors are, so code written against ADO.NET (the <c>AkkaRpc.Data</c> provider, Dapper) catches it as it would
/// Microsoft.Data.Sqlite's <c>SqliteException</c>.
/// </summary>
public abstract class AkkaRpcException : DbException
{
    /// <summary>Creates the exception.</summary>
    protected AkkaRpcException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True when the request may have run on the node (its reply was lost); false when it certainly did not run, so
    /// sending it again is safe.
    /// </summary>
    public virtual bool OutcomeUnknown => false;
}
