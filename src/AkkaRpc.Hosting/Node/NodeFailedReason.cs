using Akka.Actor;

namespace AkkaRpc.Hosting;

/// <summary>
/// Why a node shut itself down on its own: a part it cannot serve without (the databases' supervisor, the node admin,
/// the peer watcher) stopped. Its <see cref="ExitCode"/> is not zero, so whatever started the node (a client's
/// auto-spawn, systemd, a container runtime) sees a failure and starts it again.
/// </summary>
/// <param name="description">What stopped, for the log and the exit message.</param>
public sealed class NodeFailedReason(string description) : CoordinatedShutdown.Reason
{
    /// <summary>The exit code of <c>akkarpc serve</c> after such a shutdown.</summary>
    public override int ExitCode => 1;

    /// <inheritdoc />
    public override string ToString() => description;
}
