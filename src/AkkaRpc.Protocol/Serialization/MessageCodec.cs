namespace AkkaRpc.Protocol.Serialization;

/// <summary>The base class of codecs: a typed write and read for one message type.</summary>
/// <typeparam name="T">The exact message type; subtypes need codecs of their own.</typeparam>
public abstract class MessageCodec<T> : IMessageCodec
    where T : notnull
{
    /// <inheritdoc/>
    public Type MessageType => typeof(T);

    /// <summary>Writes the payload of <paramref name="message"/>: its fields only, never its id or type.</summary>
    public abstract void Write(ref WireWriter writer, T message);

    /// <summary>Reads one payload written by <see cref="Write"/>.</summary>
    /// <exception cref="WireFormatException">The input is not a valid payload.</exception>
    public abstract T Read(ref WireReader reader);

    /// <inheritdoc/>
    public void WriteObject(ref WireWriter writer, object message)
    {
        if (message is not T typed)
        {
            throw new ArgumentException(
                $"The codec for {typeof(T).FullName} cannot write a {message?.GetType().FullName ?? "null"}.", nameof(message));
        }

        Write(ref writer, typed);
    }

    /// <inheritdoc/>
    public object ReadObject(ref WireReader reader) => Read(ref reader);
}
