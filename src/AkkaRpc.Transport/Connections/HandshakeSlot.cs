namespace AkkaRpc.Transport.Connections;

/// <summary>One inbound connection's place in <see cref="HandshakeSlots"/>, and the way to drop it early.</summary>
internal sealed class HandshakeSlot(SocketConnection connection, string source) : IDisposable
{
    private readonly CancellationTokenSource _dropped = new();
    private string? _dropReason;

    public SocketConnection Connection { get; } = connection;

    public string Source { get; } = source;

    /// <summary>
    /// Gets whether the peer has sent nothing: neither read by the receive loop nor waiting in the socket. The kernel
    /// is asked too because under load a real client's Hello may have arrived before its receive loop first ran.
    /// </summary>
    public bool IsSilent
    {
        get
        {
            if (Connection.BytesReceived > 0)
            {
                return false;
            }

            try
            {
                return Connection.Socket.Available == 0;
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                // Closing already: its slot is as good as free.
                return true;
            }
        }
    }

    /// <summary>Gets the slot's place in the list while it holds one; guarded by the list's lock.</summary>
    public LinkedListNode<HandshakeSlot>? Node { get; set; }

    /// <summary>Gets a token cancelled when the connection is dropped before its handshake ends.</summary>
    public CancellationToken Dropped => _dropped.Token;

    /// <summary>Gets why the connection was dropped, once it was.</summary>
    public string? DropReason => Volatile.Read(ref _dropReason);

    /// <summary>Ends the handshake with <paramref name="reason"/>; the first reason wins.</summary>
    public void Drop(string reason)
    {
        if (Interlocked.CompareExchange(ref _dropReason, reason, null) is null)
        {
            try
            {
                _dropped.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The handshake already ended; nothing left to drop.
            }
        }
    }

    public void Dispose() => _dropped.Dispose();
}
