
namespace AkkaRpc.Protocol.Serialization;

/// <summary>Writes the fields of a message.</summary>
internal delegate void WriteFields<in T>(ref WireWriter writer, T message);

/// <summary>Reads the fields of a message back into a new instance.</summary>
internal delegate T ReadFields<out T>(ref WireReader reader);

/// <summary>A codec made of two functions, for the many small messages whose payload is a few fields.</summary>
internal sealed class FieldCodec<T>(WriteFields<T> write, ReadFields<T> read) : MessageCodec<T>
    where T : notnull
{
    public override void Write(ref WireWriter writer, T message) => write(ref writer, message);

    public override T Read(ref WireReader reader) => read(ref reader);
}
