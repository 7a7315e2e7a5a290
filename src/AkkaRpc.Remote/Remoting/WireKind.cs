namespace AkkaRpc.Remote;

/// <summary>
/// The first byte of every message frame's payload. After it:
/// <list type="bullet">
/// <item><see cref="User"/>: recipient ref, sender ref, codec id (varint), the message's codec payload;</item>
/// <item><see cref="Selection"/>: path (string, resolved on the receiving node), sender ref, codec id, payload;</item>
/// <item><see cref="System"/>: a <see cref="SystemKind"/> byte, two refs, a flags byte;</item>
/// <item><see cref="Heartbeat"/> and <see cref="HeartbeatAck"/>: nothing;</item>
/// <item><see cref="Disconnect"/>: why the sender is about to close the connection (string).</item>
/// </list>
/// </summary>
internal enum WireKind : byte
{
    User = 1,
    Selection = 2,
    System = 3,
    Heartbeat = 4,
    HeartbeatAck = 5,
    Disconnect = 6,
}

/// <summary>The remote system messages of death watch.</summary>
internal enum SystemKind : byte
{
    Watch = 1,
    Unwatch = 2,
    DeathWatchNotification = 3,
}

/// <summary>
/// How an actor reference is written. "Writer" refs live on the node that wrote the frame, "reader" refs on the node
/// that reads it; both travel as a path without address, bound to the connection. After first use a ref travels as a
/// small id (path compression): a <c>Define</c> tag carries id, path and uid once, later frames carry only the id.
/// </summary>
internal enum RefTag : byte
{
    None = 0,
    WriterPath = 1,
    ReaderPath = 2,
    ReaderId = 3,
    DefineReaderId = 4,
    WriterId = 5,
    DefineWriterId = 6,
    FullPath = 7,
}
