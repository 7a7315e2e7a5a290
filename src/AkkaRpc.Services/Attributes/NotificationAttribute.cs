namespace AkkaRpc.Services;

/// <summary>
/// Marks a <see cref="Task"/>-returning service method as one-way: the proxy's task completes once the call is handed to
/// the connection; no reply comes back, and an error in the service is only logged on the host.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class NotificationAttribute : Attribute;
