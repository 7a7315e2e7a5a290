using System.Buffers;
using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;
using Microsoft.Extensions.Logging;

namespace AkkaRpc.Remote;

internal sealed partial class Link
{
    private async Task ReadLoopAsync()
    {
        try
        {
            // Frames are dispatched on the connection's own read loop: decoding and a Tell never block.
            _connection.Deliver(Dispatch);
        }
        finally
        {
            OnClosed(await _connection.Closed.ConfigureAwait(false));
        }
    }

    /// <summary>Delivers one frame. A frame that breaks the protocol closes this connection only ("break, don't guess").</summary>
    private void Dispatch(in ReadOnlySequence<byte> payload)
    {
        if (!IsOpen || _broken)
        {
            return; // After a protocol fault nothing more from this peer is believed.
        }

        _detector.Heartbeat();
        try
        {
            var reader = new WireReader(payload, this, registry: _remoting.Codecs);
            switch ((WireKind)reader.ReadByte())
            {
                case WireKind.User:
                    DeliverUser(ref reader);
                    break;
                case WireKind.Selection:
                    DeliverSelection(ref reader);
                    break;
                case WireKind.System:
                    DeliverSystem(ref reader);
                    break;
                case WireKind.Heartbeat:
                    Reply(WireKind.HeartbeatAck);
                    break;
                case WireKind.HeartbeatAck:
                    break;
                case WireKind.Disconnect:
                    _peerReason = reader.ReadString();
                    break;
                default:
                    throw new WireFormatException($"unknown frame kind {payload.FirstSpan[0]}");
            }

            if (!reader.End)
            {
                throw new WireFormatException($"{reader.Remaining} unexpected bytes after the message");
            }
        }
        catch (Exception e) when (e is WireFormatException or ArgumentException or InvalidOperationException or FormatException)
        {
            // Codecs (ours or an application's) may reject input with these too; any of them breaks the connection.
            _broken = true;
            var detail = e.Message.Length > 300 ? e.Message[..300] + "..." : e.Message;
            var reason = $"malformed message from {_association.RemoteAddress}: {detail}";
            _logger.LogWarning("Closing the connection: {Reason}", reason);
            Disconnect(reason);
        }
    }

    private void DeliverUser(ref WireReader reader)
    {
        var recipient = ReadRef(ref reader);
        var sender = ReadRef(ref reader);
        var message = ReadMessage(ref reader);
        (recipient ?? System.DeadLetters).Tell(message, sender);
    }

    private void DeliverSelection(ref WireReader reader)
    {
        var path = reader.ReadString() ?? throw new WireFormatException("a selection without a path");
        var sender = ReadRef(ref reader);
        var message = ReadMessage(ref reader);
        if (!path.StartsWith('/'))
        {
            throw new WireFormatException($"selection path '{path}' is not absolute");
        }

        System.ActorSelection(path).Tell(message, sender);
    }

    private object ReadMessage(ref WireReader reader)
    {
        // Codec failures other than WireFormatException are caught by Dispatch too.
        var id = (int)reader.ReadVarUInt32();
        if (!_remoting.Codecs.TryGetCodec(id, out var codec) || codec is null)
        {
            throw new WireFormatException($"unknown message id {id}; the peer runs a version with messages this node does not know");
        }

        return codec.ReadObject(ref reader);
    }

    private void DeliverSystem(ref WireReader reader)
    {
        var kind = (SystemKind)reader.ReadByte();
        var first = ReadRef(ref reader);
        var second = ReadRef(ref reader);
        var flags = reader.ReadByte();
        switch (kind)
        {
            case SystemKind.Watch when second is RemoteActorRef watcher && first is InternalActorRef watchee:
                // A missing actor answers at once, as a local dead one does.
                lock (_watchedByPeer)
                {
                    _watchedByPeer.Add((watchee, watcher));
                }

                watchee.SendSystemMessage(new Watch(watchee, watcher));
                break;
            case SystemKind.Unwatch when second is RemoteActorRef watcher:
                if (first is InternalActorRef unwatched)
                {
                    lock (_watchedByPeer)
                    {
                        _watchedByPeer.Remove((unwatched, watcher));
                    }

                    unwatched.SendSystemMessage(new Unwatch(unwatched, watcher));
                }

                break;
            case SystemKind.DeathWatchNotification when first is RemoteActorRef dead:
                lock (_watchers)
                {
                    _watchers.Remove(dead);
                }

                // A watcher that has stopped meanwhile needs no notification.
                (second as InternalActorRef)?.SendSystemMessage(new DeathWatchNotification(dead, (flags & 1) != 0, (flags & 2) != 0));
                break;
            case SystemKind.Unwatch or SystemKind.Watch when second is null:
                break; // The watcher has gone; nothing to do.
            default:
                throw new WireFormatException($"system message {kind} with refs {first?.Path.ToString() ?? "none"} and {second?.Path.ToString() ?? "none"} is not valid");
        }
    }

    private void Reply(WireKind kind)
    {
        lock (_send)
        {
            _buffer.ResetWrittenCount();
            _buffer.GetSpan(1)[0] = (byte)kind;
            _buffer.Advance(1);
            Transmit();
        }
    }

    IActorRef? IActorRefCodec.Read(ref WireReader reader) => ReadRef(ref reader);

    /// <summary>Reads a ref: one on this node resolves to the local actor (or null if none is there, or another incarnation is).</summary>
    private IActorRef? ReadRef(ref WireReader reader)
    {
        var tag = (RefTag)reader.ReadByte();
        switch (tag)
        {
            case RefTag.None:
                return null;
            case RefTag.ReaderPath:
                return ResolveLocal(reader.ReadString(), reader.ReadVarInt64());
            case RefTag.DefineReaderId:
            {
                var id = (int)reader.ReadVarUInt32();
                var local = ResolveLocal(reader.ReadString(), reader.ReadVarInt64());
                Define(_inReaderRefs, id, local);
                return local;
            }

            case RefTag.ReaderId:
                return Lookup(_inReaderRefs, (int)reader.ReadVarUInt32());
            case RefTag.WriterPath:
                return _association.RefFor(ReadPath(ref reader), reader.ReadVarInt64());
            case RefTag.DefineWriterId:
            {
                var id = (int)reader.ReadVarUInt32();
                var remote = _association.RefFor(ReadPath(ref reader), reader.ReadVarInt64());
                Define(_inWriterRefs, id, remote);
                return remote;
            }

            case RefTag.WriterId:
                return Lookup(_inWriterRefs, (int)reader.ReadVarUInt32());
            case RefTag.FullPath:
            {
                var text = reader.ReadString() ?? throw new WireFormatException("a ref without a path");
                var uid = reader.ReadVarInt64();
                return ActorPath.TryParse(text, out var path) ? _remoting.ResolvePath(path.WithUid(uid)) : throw new WireFormatException($"'{text}' is not an actor path");
            }

            default:
                throw new WireFormatException($"unknown actor ref tag {(byte)tag}");
        }
    }

    private static string[] ReadPath(ref WireReader reader) => SplitPath(reader.ReadString());

    private static string[] SplitPath(string? text)
    {
        if (text is null || !text.StartsWith('/'))
        {
            throw new WireFormatException($"actor path '{text}' is not absolute");
        }

        var elements = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var element in elements)
        {
            if (element is "." or ".." || !ActorPath.HasValidCharacters(element))
            {
                throw new WireFormatException($"actor path '{text}' has an invalid element '{element}'");
            }
        }

        return elements;
    }

    /// <summary>The local actor the peer named; a path with nothing there is checked before it becomes a missing ref.</summary>
    private InternalActorRef ResolveLocal(string? path, long uid)
    {
        var found = path is null ? null : System.ResolveLocal(path);
        return found is not null && (uid == 0 || found.Path.Uid == uid)
            ? found
            : new MissingActorRef(System, new ActorPath(System.Address, SplitPath(path), uid));
    }
    private static void Define<T>(List<T?> table, int id, T? value)
        where T : class
    {
        if (id >= MaxCompressedRefs)
        {
            throw new WireFormatException($"compression id {id} is over the limit of {MaxCompressedRefs}");
        }

        if (id != table.Count)
        {
            throw new WireFormatException($"compression id {id} defined out of order (expected {table.Count})");
        }

        table.Add(value);
    }

    private static T? Lookup<T>(List<T?> table, int id)
        where T : class =>
        id >= 0 && id < table.Count ? table[id] : throw new WireFormatException($"compression id {id} was never defined");

    private void OnClosed(RemoteTransportException reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _heartbeat?.Dispose();
        if (_peerReason is { } told)
        {
            reason = new RemoteTransportException(reason.Kind, $"the peer closed the connection: {told}", reason);
        }

        _logger.LogInformation("Connection to {Address} closed: {Reason}", _association.RemoteAddress, reason.Message);
        IPromiseRef[] asks;
        lock (_pendingAsks)
        {
            asks = [.. _pendingAsks];
            _pendingAsks.Clear();
        }

        var lost = _association.LostError(reason);
        foreach (var ask in asks)
        {
            ask.Fail(lost);
        }

        KeyValuePair<RemoteActorRef, HashSet<IActorRef>>[] watched;
        lock (_watchers)
        {
            watched = [.. _watchers];
            _watchers.Clear();
        }

        foreach (var (actor, watchers) in watched)
        {
            foreach (var watcher in watchers)
            {
                ((InternalActorRef)watcher).SendSystemMessage(new DeathWatchNotification(actor, ExistenceConfirmed: true, AddressTerminated: true));
            }
        }

        (InternalActorRef Watchee, RemoteActorRef Watcher)[] watchedByPeer;
        lock (_watchedByPeer)
        {
            watchedByPeer = [.. _watchedByPeer];
            _watchedByPeer.Clear();
        }

        foreach (var (watchee, watcher) in watchedByPeer)
        {
            watchee.SendSystemMessage(new Unwatch(watchee, watcher));
        }

        _association.OnLinkClosed(this, reason);
    }
}
