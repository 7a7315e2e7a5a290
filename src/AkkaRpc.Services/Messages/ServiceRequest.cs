namespace AkkaRpc.Services;

/// <summary>A message a service's actor queues and answers in turn: a method call or a session request.</summary>
public abstract record ServiceRequest
{
    /// <summary>Gets the caller, call id, session and time limit; set by the proxy before the message is sent.</summary>
    public CallHeader Header { get; internal set; }
}
