using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Remote;

internal sealed partial class Link
{
    /// <summary>Serializes and queues a user message. Serializing under the send lock keeps frames in the order their
    /// compression ids were defined, so a frame never uses an id before the frame that defines it.</summary>
    public bool SendUser(RemoteActorRef recipient, object message, IActorRef? sender)
    {
        if (!TryCodec(message, out var id, out var codec, recipient, sender))
        {
            return true; // Refused with a clear reason; not a connection problem.
        }

        if (sender is IPromiseRef promise && (!ReserveAsk(promise, (InternalActorRef)sender) || promise.Completion.IsCompleted))
        {
            return promise.Completion.IsCompleted; // Refused (completed) or the connection closed (queue it).
        }

        lock (_send)
        {
            BeginFrame();
            try
            {
                var writer = new WireWriter(_buffer, this, _remoting.Codecs);
                writer.WriteByte((byte)WireKind.User);
                WriteRef(ref writer, recipient);
                WriteRef(ref writer, sender);
                writer.WriteVarUInt32((uint)id);
                codec.WriteObject(ref writer, message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Refuse(message, sender, recipient, new InvalidOperationException($"{message.GetType().Name} could not be encoded: {e.Message}", e));
            }

            return TransmitFrame(message, sender, recipient);
        }
    }

    public bool SendSelection(string path, object message, IActorRef? sender)
    {
        if (!TryCodec(message, out var id, out var codec, null, sender))
        {
            return true;
        }

        if (sender is IPromiseRef promise && (!ReserveAsk(promise, (InternalActorRef)sender) || promise.Completion.IsCompleted))
        {
            return promise.Completion.IsCompleted;
        }

        lock (_send)
        {
            BeginFrame();
            try
            {
                var writer = new WireWriter(_buffer, this, _remoting.Codecs);
                writer.WriteByte((byte)WireKind.Selection);
                writer.WriteString(path);
                WriteRef(ref writer, sender);
                writer.WriteVarUInt32((uint)id);
                codec.WriteObject(ref writer, message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Refuse(message, sender, null, new InvalidOperationException($"{message.GetType().Name} could not be encoded: {e.Message}", e));
            }

            return TransmitFrame(message, sender, null);
        }
    }

    /// <summary>
    /// A send that did not go out is queued for the next connection, so this one must not fail its ask when it
    /// closes. Always false, for use in the senders' return expression.
    /// </summary>
    private bool Unreserve(IActorRef? sender)
    {
        if (sender is IPromiseRef promise)
        {
            lock (_pendingAsks)
            {
                _pendingAsks.Remove(promise);
            }
        }

        return false;
    }

    /// <summary>Sends death-watch messages; a local watcher of a remote actor is remembered here for address termination.</summary>
    public bool SendSystem(RemoteActorRef target, SystemMessage message)
    {
        SystemKind kind;
        IActorRef first;
        IActorRef second;
        var flags = 0;
        switch (message)
        {
            case Watch watch:
                (kind, first, second) = (SystemKind.Watch, watch.Watchee, watch.Watcher);
                lock (_watchers)
                {
                    if (!_watchers.TryGetValue(target, out var set))
                    {
                        _watchers[target] = set = [];
                    }

                    set.Add(watch.Watcher);
                }

                break;
            case Unwatch unwatch:
                (kind, first, second) = (SystemKind.Unwatch, unwatch.Watchee, unwatch.Watcher);
                lock (_watchers)
                {
                    if (_watchers.TryGetValue(target, out var set) && set.Remove(unwatch.Watcher) && set.Count == 0)
                    {
                        _watchers.Remove(target);
                    }
                }

                break;
            case DeathWatchNotification dead:
                // A local actor died and the target, a remote watcher, must hear of it.
                (kind, first, second) = (SystemKind.DeathWatchNotification, dead.Actor, target);
                flags = (dead.ExistenceConfirmed ? 1 : 0) | (dead.AddressTerminated ? 2 : 0);
                break;
            default:
                return true; // Create, stop and supervision never cross the wire.
        }

        lock (_send)
        {
            BeginFrame();
            var writer = new WireWriter(_buffer, this, _remoting.Codecs);
            writer.WriteByte((byte)WireKind.System);
            writer.WriteByte((byte)kind);
            WriteRef(ref writer, first);
            WriteRef(ref writer, second);
            writer.WriteByte((byte)flags);
            if (!Transmit())
            {
                ForgetFrameDefinitions();
                return false;
            }

            return true;
        }
    }

    /// <summary>Starts a frame: compression ids defined while writing it are remembered until it is sent.</summary>
    private void BeginFrame()
    {
        _buffer.ResetWrittenCount();
        _definedInFrame.Clear();
    }

    /// <summary>
    /// Sends the frame, or refuses it (too large; connection closed) and forgets the ids it defined: a frame that does
    /// not go out must not leave ids the peer never learned.
    /// </summary>
    private bool TransmitFrame(object message, IActorRef? sender, IActorRef? recipient)
    {
        var max = _remoting.TransportOptions.MaxMessageSize;
        if (_buffer.WrittenCount > max)
        {
            return Refuse(message, sender, recipient, new InvalidOperationException(
                $"{message.GetType().Name} is {_buffer.WrittenCount} bytes on the wire, over the maximum of {max} (akkarpc.remote.max-message-size); it was not sent."));
        }

        if (Transmit())
        {
            return true;
        }

        ForgetFrameDefinitions();
        return Unreserve(sender);
    }

    /// <summary>A message that will not go out on any connection: forget its ids, fail its ask, record a dead letter.</summary>
    private bool Refuse(object message, IActorRef? sender, IActorRef? recipient, Exception reason)
    {
        ForgetFrameDefinitions();
        Unreserve(sender);
        _association.Undeliverable(message, sender, recipient, reason);
        return true;
    }

    private void ForgetFrameDefinitions()
    {
        // Ids are assigned densely, newest last, so removing this frame's restores each table's count.
        foreach (var (table, actorRef) in _definedInFrame)
        {
            table.Remove(actorRef);
        }

        _definedInFrame.Clear();
    }

    void IActorRefCodec.Write(ref WireWriter writer, IActorRef? actorRef) => WriteRef(ref writer, actorRef);

    private void WriteRef(ref WireWriter writer, IActorRef? actorRef)
    {
        switch (actorRef)
        {
            case null:
                writer.WriteByte((byte)RefTag.None);
                return;
            case RemoteActorRef remote when ReferenceEquals(remote.Association, _association):
                // A temporary ref (uid 0) is used once: compressing it would only fill the peer's table.
                WriteCompressed(ref writer, remote.Path.Uid == 0 ? null : _outReaderIds, remote, RefTag.ReaderId, RefTag.DefineReaderId, RefTag.ReaderPath, remote.RemotePath, remote.Path.Uid);
                return;
            case MissingActorRef missing:
                // Back as the peer named it, so its watcher recognises the actor it watched.
                writer.WriteByte((byte)RefTag.WriterPath);
                writer.WriteString(missing.Path.ToStringWithoutAddress());
                writer.WriteVarInt64(missing.Path.Uid);
                return;
            case RemoteActorRef other:
                writer.WriteByte((byte)RefTag.FullPath);
                writer.WriteString(other.Path.ToString());
                writer.WriteVarInt64(other.Path.Uid);
                return;
            case IPromiseRef:
                // A reply comes back to this temporary path (registered by ReserveAsk before the frame was written).
                writer.WriteByte((byte)RefTag.WriterPath);
                writer.WriteString(actorRef.Path.ToStringWithoutAddress());
                writer.WriteVarInt64(0);
                return;
            case LocalActorRef:
                WriteCompressed(ref writer, _outWriterIds, actorRef, RefTag.WriterId, RefTag.DefineWriterId, RefTag.WriterPath, actorRef.Path.ToStringWithoutAddress(), actorRef.Path.Uid);
                return;
            default:
                // Not an actor cell (a test probe, a stop watcher): make its path resolvable for what comes back.
                System.RegisterTemp((InternalActorRef)actorRef, null);
                writer.WriteByte((byte)RefTag.WriterPath);
                writer.WriteString(actorRef.Path.ToStringWithoutAddress());
                writer.WriteVarInt64(actorRef.Path.Uid);
                return;
        }
    }

    // Each direction of each kind has its own id sequence, matching the reader's two tables; null: never compress.
    private void WriteCompressed(ref WireWriter writer, Dictionary<IActorRef, int>? ids, IActorRef actorRef, RefTag idTag, RefTag defineTag, RefTag pathTag, string path, long uid)
    {
        int id;
        if (ids is null)
        {
            writer.WriteByte((byte)pathTag);
        }
        else if (ids.TryGetValue(actorRef, out id))
        {
            writer.WriteByte((byte)idTag);
            writer.WriteVarUInt32((uint)id);
            return;
        }
        else if (ids.Count < MaxCompressedRefs)
        {
            id = ids.Count;
            ids[actorRef] = id;
            _definedInFrame.Add((ids, actorRef));
            writer.WriteByte((byte)defineTag);
            writer.WriteVarUInt32((uint)id);
        }
        else
        {
            writer.WriteByte((byte)pathTag);
        }

        writer.WriteString(path);
        writer.WriteVarInt64(uid);
    }

    /// <summary>
    /// Registers an ask that is about to be sent, so its reply finds it and it fails at once if this connection closes.
    /// False (and the ask failed, nothing sent) when the connection is closed or already has the most asks it allows.
    /// </summary>
    private bool ReserveAsk(IPromiseRef promise, InternalActorRef temp)
    {
        lock (_pendingAsks)
        {
            if (!IsOpen)
            {
                return false; // The caller queues it for the next connection.
            }

            if (_pendingAsks.Count >= _remoting.Options.MaxPendingAsksPerConnection)
            {
                promise.Fail(new TooManyPendingAsksException(
                    $"{_pendingAsks.Count} asks already wait for replies from {_association.RemoteAddress}, the most one connection allows " +
                    "(akkarpc.remote.max-pending-asks). This one was not sent; retry when some have finished."));
                return true;
            }

            _pendingAsks.Add(promise);
        }

        // One continuation per ask: when it completes it leaves both this link's pending set and the temp registry.
        System.RegisterTemp(temp, null);
        promise.Completion.ContinueWith(
            static (_, state) =>
            {
                var (link, p, t) = ((Link, IPromiseRef, InternalActorRef))state!;
                lock (link._pendingAsks)
                {
                    link._pendingAsks.Remove(p);
                }

                link.System.UnregisterTemp(t);
            },
            (this, promise, temp),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return true;
    }

    private bool TryCodec(object message, out int id, out IMessageCodec codec, IActorRef? recipient, IActorRef? sender)
    {
        if (_remoting.Codecs.TryGetCodec(message.GetType(), out id, out var found) && found is not null)
        {
            codec = found;
            return true;
        }

        codec = null!;
        _association.Undeliverable(message, sender, recipient, new NotSupportedException(
            $"{message.GetType().Name} cannot be sent to another node: no codec is registered for it. Register one in the CodecRegistry passed to Remoting.StartAsync."));
        return false;
    }
}
