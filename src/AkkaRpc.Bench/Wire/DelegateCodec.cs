using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Bench.Wire;

/// <summary>Writes the fields of a message.</summary>
internal delegate void WriteFields<in T>(ref WireWriter writer, T message);

/// <summary>Reads the fields of a message back into a new instance.</summary>
internal delegate T ReadFields<out T>(ref WireReader reader);

/// <summary>A codec made of two functions, for protocol messages that are a few fields each.</summary>
internal sealed class DelegateCodec<T>(WriteFields<T> write, ReadFields<T> read) : MessageCodec<T>
    where T : notnull
{
    public override void Write(ref WireWriter writer, T message) => write(ref writer, message);

    public override T Read(ref WireReader reader) => read(ref reader);
}
