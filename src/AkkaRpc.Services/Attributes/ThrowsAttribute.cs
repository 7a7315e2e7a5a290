namespace AkkaRpc.Services;

/// <summary>
/// Declares an exception type a service's methods may throw: the caller gets that type back (with the remote message),
/// instead of a <see cref="RemoteServiceException"/>. The type needs a public constructor taking the message string.
/// </summary>
/// <param name="exceptionType">The exception type.</param>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
public sealed class ThrowsAttribute(Type exceptionType) : Attribute
{
    /// <summary>Gets the declared exception type.</summary>
    public Type ExceptionType { get; } = exceptionType;
}
