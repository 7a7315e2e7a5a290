namespace AkkaRpc.Services;

/// <summary>
/// Marks an interface as an AkkaRpc service: the source generator writes its proxy, its dispatcher and an Akka
/// serializer for its calls and results under <paramref name="serializerId"/>.
/// </summary>
/// <remarks>
/// Every method returns <see cref="Task"/> or <see cref="Task{TResult}"/> and may take a last
/// <see cref="CancellationToken"/>. A method's wire id is its position in the interface (1 for the first): add new
/// methods at the end, never reorder or remove one, so old and new peers keep agreeing.
/// </remarks>
/// <param name="serializerId">The Akka serializer id of this interface's messages: fixed, unique in the system, 100 or more (Akka keeps lower ids; AkkaRpc uses 7301-7304).</param>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class AkkaRpcServiceAttribute(int serializerId) : Attribute
{
    /// <summary>Gets the Akka serializer id of this interface's messages.</summary>
    public int SerializerId { get; } = serializerId;
}
