namespace AkkaRpc.Hosting;

/// <summary>How a node process guards and ends itself (HOCON <c>akkarpc.node</c>): one node per lock file, and an optional idle shutdown.</summary>
public sealed record NodeOptions
{
    /// <summary>
    /// A file the node locks exclusively before it binds any listener; a second node given the same file exits
    /// instead of starting. Null (HOCON <c>""</c>) for none. Its pid and addresses go to a <c>.json</c> file beside it.
    /// </summary>
    public string? LockFile { get; init; }

    /// <summary>
    /// Stop the node after this long with no inbound connections (the clock starts at startup and restarts whenever the
    /// last connection closes); null (HOCON <c>off</c>) to run until stopped.
    /// </summary>
    public TimeSpan? IdleShutdown { get; init; }

    /// <summary>
    /// How often the node checks that its Unix socket files still exist, and listens again at a path whose file was
    /// removed (a node whose file is gone is alive but unreachable, and clients would start another); null (HOCON
    /// <c>off</c>) never checks. Default 1 second.
    /// </summary>
    public TimeSpan? SocketCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Checks that every value is in range.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        if (IdleShutdown is { } idle && idle <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(IdleShutdown)} must be positive, or null for none; it is {idle}.");
        }

        if (SocketCheckInterval is { } check && check <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(SocketCheckInterval)} must be positive, or null for none; it is {check}.");
        }

        if (LockFile is { } path && (path.Length == 0 || path.EndsWith('/') || Directory.Exists(path)))
        {
            throw new ArgumentException($"{nameof(LockFile)} must name a file, not '{path}'.");
        }
    }
}
