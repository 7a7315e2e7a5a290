using System.Text;
using AkkaRpc.Actors;

namespace AkkaRpc.Remote.Serialization;

/// <summary><c>Status.Failure</c>: the cause as text (type name, message, inner exceptions), read back as a <see cref="RemoteException"/>.</summary>
/// <remarks>Exceptions are not serialized as objects: that would mean instantiating a type named by the peer.</remarks>
internal sealed class StatusFailureCodec : MessageCodec<Status.Failure>
{
    // Enough to explain a failure without letting a pathological chain blow up a reply.
    private const int MaxInnerExceptions = 8;

    public override void Write(ref WireWriter writer, Status.Failure message)
    {
        var cause = message.Cause;
        if (cause is RemoteException relayed)
        {
            // A failure passed on from another node keeps the name of the type that was really thrown.
            writer.WriteString(relayed.RemoteExceptionType);
            writer.WriteString(relayed.Message);
            writer.WriteString(relayed.RemoteInnerExceptions);
            return;
        }

        writer.WriteString(TypeName(cause));
        writer.WriteString(cause.Message);
        writer.WriteString(DescribeInner(cause));
    }

    public override Status.Failure Read(ref WireReader reader)
    {
        var type = reader.ReadString() ?? throw new WireFormatException("Invalid Status.Failure: the exception type is null.");
        var text = reader.ReadString() ?? throw new WireFormatException("Invalid Status.Failure: the exception message is null.");
        var inner = reader.ReadString();
        return new Status.Failure(new RemoteException(type, text, inner));
    }

    private static string TypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

    private static string? DescribeInner(Exception exception)
    {
        var inner = exception.InnerException;
        if (inner is null)
        {
            return null;
        }

        var text = new StringBuilder();
        for (var i = 0; inner is not null && i < MaxInnerExceptions; i++, inner = inner.InnerException)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append(inner is RemoteException remote ? remote.RemoteExceptionType : TypeName(inner))
                .Append(": ")
                .Append(inner.Message);
        }

        return text.ToString();
    }
}
