using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkkaRpc.Actors;

/// <summary>Settings of an <see cref="ActorSystem"/>; the hosting layer fills them from HOCON (<c>akkarpc.actor</c>).</summary>
public sealed record ActorSystemOptions
{
    /// <summary>User messages an actor processes per turn on a thread before yielding it (Akka's throughput). Default 30.</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>The timeout of an <c>Ask</c> that names none. Default 30 seconds: no ask waits forever.</summary>
    public TimeSpan DefaultAskTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many dead letters are logged before further ones are only counted. Default 10.</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>The clock for the scheduler, ask timeouts, receive timeouts and supervision windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the kernel and actors log.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How <c>/user</c> supervises top-level actors. Default: Akka's default strategy.</summary>
    public SupervisorStrategy UserGuardianStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;
}
