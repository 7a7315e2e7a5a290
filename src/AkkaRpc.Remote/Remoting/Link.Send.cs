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

        lock (_send)
        {
            _buffer.ResetWrittenCount();
            var writer = new WireWriter(_buffer, this, _remoting.Codecs);
            writer.WriteByte((byte)WireKind.User);
            WriteRef(ref writer, recipient);
            WriteRef(ref writer, sender);
            writer.WriteVarUInt32((uint)id);
            codec.WriteObject(ref writer, message);
            return Transmit();
        }
    }

    public bool SendSelection(string path, object message, IActorRef? sender)
    {
        if (!TryCodec(message, out var id, out var codec, null, sender))
        {
            return true;
        }

        lock (_send)
        {
            _buffer.ResetWrittenCount();
            var writer = new WireWriter(_buffer, this, _remoting.Codecs);
            writer.WriteByte((byte)WireKind.Selection);
            writer.WriteString(path);
            WriteRef(ref writer, sender);
            writer.WriteVarUInt32((uint)id);
            codec.WriteObject(ref writer, message);
            return Transmit();
        }
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
            _buffer.ResetWrittenCount();
            var writer = new WireWriter(_buffer, this, _remoting.Codecs);
            writer.WriteByte((byte)WireKind.System);
            writer.WriteByte((byte)kind);
            WriteRef(ref writer, first);
            WriteRef(ref writer, second);
            writer.WriteByte((byte)flags);
            return Transmit();
        }
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
                WriteCompressed(ref writer, _outReaderIds, remote, RefTag.ReaderId, RefTag.DefineReaderId, RefTag.ReaderPath, remote.RemotePath, remote.Path.Uid);
                return;
            case RemoteActorRef other:
                writer.WriteByte((byte)RefTag.FullPath);
                writer.WriteString(other.Path.ToString());
                writer.WriteVarInt64(other.Path.Uid);
                return;
            case IPromiseRef promise:
                // A reply comes back to this temporary path; the ask fails at once if this connection closes first.
                TrackAsk(promise, (InternalActorRef)actorRef);
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

    // Each direction of each kind has its own id sequence, matching the reader's two tables.
    private static void WriteCompressed(ref WireWriter writer, Dictionary<IActorRef, int> ids, IActorRef actorRef, RefTag idTag, RefTag defineTag, RefTag pathTag, string path, long uid)
    {
        if (ids.TryGetValue(actorRef, out var id))
        {
            writer.WriteByte((byte)idTag);
            writer.WriteVarUInt32((uint)id);
            return;
        }

        if (ids.Count < MaxCompressedRefs)
        {
            id = ids.Count;
            ids[actorRef] = id;
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

    private void TrackAsk(IPromiseRef promise, InternalActorRef temp)
    {
        System.RegisterTemp(temp, promise.Completion);
        lock (_pendingAsks)
        {
            if (!IsOpen)
            {
                promise.Fail(_association.LostError(null));
                return;
            }

            _pendingAsks.Add(promise);
        }

        promise.Completion.ContinueWith(
            static (_, state) =>
            {
                var (link, p) = ((Link, IPromiseRef))state!;
                lock (link._pendingAsks)
                {
                    link._pendingAsks.Remove(p);
                }
            },
            (this, promise),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
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
