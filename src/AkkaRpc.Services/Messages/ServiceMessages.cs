using Akka.Actor;

namespace AkkaRpc.Services;

/// <summary>Asks a host's <c>/user/services</c> for the actor of the service <paramref name="Name"/>.</summary>
public sealed record ResolveService(string Name);

/// <summary>Answers <see cref="ResolveService"/>: the service's actor.</summary>
public sealed record ServiceResolved(IActorRef Service) : ServiceReply;

/// <summary>Answers <see cref="ResolveService"/>: this host has no service of that name.</summary>
public sealed record ServiceNotFound(string Name) : ServiceReply;

/// <summary>Asks for the service to oneself until <see cref="CloseSession"/>, the lease passing idle, or the holder's death; waits its turn like a call.</summary>
/// <param name="Lease">How long the session may idle between calls before the service takes it back.</param>
public sealed record OpenSession(TimeSpan Lease) : ServiceRequest;

/// <summary>Ends an exclusive session.</summary>
public sealed record CloseSession(long SessionId) : ServiceRequest;

/// <summary>One-way: the caller gave up on call <paramref name="CallId"/>; a queued call is dropped, a running one sees its token fire.</summary>
public sealed record CancelCall(IActorRef Caller, long CallId);

/// <summary>A call to a method with no result completed.</summary>
public sealed record ServiceDone : ServiceReply
{
    /// <summary>Gets the one instance.</summary>
    public static ServiceDone Instance { get; } = new();
}

/// <summary>The service threw: the exception's type name, message and stack, and its index among the interface's declared exceptions (-1 for none).</summary>
public sealed record ServiceFailed(string TypeName, string Message, string? RemoteStackTrace, int DeclaredIndex) : ServiceReply;

/// <summary>The service's queue was full: the call did not run.</summary>
public sealed record ServiceBusy(int QueueLimit) : ServiceReply;

/// <summary>The call certainly did not run (the service restarted or stopped while it waited): the caller may send it again.</summary>
public sealed record ServiceNotRun(string Reason) : ServiceReply;

/// <summary>The call waited in the queue past its time limit and was dropped without running.</summary>
public sealed record ServiceCallExpired(TimeSpan TimeLimit) : ServiceReply;

/// <summary>The request was refused as invalid (a lease out of range); it did not run.</summary>
public sealed record ServiceRefused(string Reason) : ServiceReply;

/// <summary>Answers <see cref="OpenSession"/>: the service is the caller's until the session ends.</summary>
public sealed record SessionOpened(long SessionId, TimeSpan Lease) : ServiceReply;

/// <summary>Answers <see cref="CloseSession"/>.</summary>
public sealed record SessionClosed(long SessionId) : ServiceReply;

/// <summary>The session named is not held (it expired, its holder was taken for dead, or it never existed); the call did not run.</summary>
public sealed record SessionNotFound(long SessionId, bool Expired) : ServiceReply;
