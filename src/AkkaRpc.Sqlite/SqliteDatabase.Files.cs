using System.Globalization;

namespace AkkaRpc.Sqlite;

internal sealed partial class SqliteDatabase
{
    // The last "could not save" alarm, so that a state that lasts is logged once rather than at every request.
    private string? _lastUnsaved;

    /// <summary>
    /// Checks that the database file and its WAL are still the files the writer opened, before a write and again before
    /// a commit is acknowledged; if either was deleted or replaced, saves what the open connection holds and reopens.
    /// </summary>
    /// <param name="committed">Whether a commit has just been made and waits for this check before it is acknowledged.</param>
    /// <returns>Null to go on (the files are in place, or were saved and reopened); otherwise the reply that refuses the request.</returns>
    /// <exception cref="DatabaseFailedException">The database file was replaced by another (after saving the old one beside it), or the reopen failed.</exception>
    private DatabaseError? EnsureFiles(bool committed)
    {
        var state = _writer.CheckFiles();
        _lastFileCheck = _time.GetTimestamp();
        switch (state)
        {
            case FileState.InPlace:
                return null;
            case FileState.Inaccessible when committed:
                // The check before this write found the files in place a moment ago and the data is in them; a directory
                // that cannot be examined cannot be changed either by whoever it shuts out. Refusing now would report a
                // write that was made as failed.
                return null;
            case FileState.Inaccessible:
                var (path, errno) = _writer.CheckFailure;
                var cause = errno is NativeMethods.EAcces or NativeMethods.EPerm
                    ? $"Permission denied on '{path}' ({NativeMethods.Describe(errno)})"
                    : $"Cannot examine '{path}' ({NativeMethods.Describe(errno)})";
                return new DatabaseUnavailable(
                    Name,
                    $"{cause}: the node cannot check that the database file is still in place, so it refuses writes until it can; reads keep working. Fix the modes of the data directory; the next request tries again.");
        }

        if (_options.ReadOnly)
        {
            // Nothing to save: a read-only database loses nothing, and the reopen shows what is at the path now.
            throw new DatabaseFailedException(
                $"Database file '{FullPath}' was deleted or replaced while open; reopen it to continue.",
                SqliteCodes.ReadOnlyDbMoved & 0xFF,
                SqliteCodes.ReadOnlyDbMoved);
        }

        // Inside a transaction the connection cannot be closed; its Commit checks again and saves everything then.
        return _transactionId is null && _writer.IsAutocommit ? SaveAndReopen(state, committed) : null;
    }

    /// <summary>
    /// The file check for a read, done at most every <see cref="ReadFileCheckInterval"/>: a read of a deleted file loses
    /// nothing (it sees the data it had), so reads need not pay for the check each; but the sooner a deleted file is
    /// noticed, the sooner what the open connection holds is back on disk.
    /// </summary>
    private void CheckFileForRead()
    {
        if (_transactionId is null && _time.GetElapsedTime(_lastFileCheck) >= ReadFileCheckInterval)
        {
            // A refusal is about writes: reads go on against the open files.
            _ = Guard(() => EnsureFiles(committed: false));
        }
    }

    /// <summary>
    /// Puts everything the still-open writer holds back into the file at <see cref="FullPath"/>, says so loudly, and
    /// reopens the connections on the files now at the paths.
    /// </summary>
    /// <remarks>
    /// A deleted WAL is still open: a TRUNCATE checkpoint through the writer copies its frames into the database file,
    /// which is still the one at the path. A deleted database file is still open too: the backup API copies what the
    /// writer sees (file and WAL) into a new file, renamed into place once the old connection has closed and taken its
    /// WAL and shared-memory files with it, so no stale WAL is ever replayed into the copy. A database file replaced by
    /// another is not overwritten (someone put it there on purpose, a restore perhaps): the old data is saved beside it
    /// and the owner fails, to reopen on the new file.
    /// </remarks>
    private DatabaseError? SaveAndReopen(FileState state, bool committed)
    {
        var what = state switch
        {
            FileState.WalGone => $"the WAL file '{FullPath}-wal' was deleted or renamed while open",
            FileState.WalReplaced => $"the WAL file '{FullPath}-wal' was replaced by another file while open",
            FileState.DatabaseGone => $"the database file '{FullPath}' was deleted or renamed while open",
            _ => $"the database file '{FullPath}' was replaced by another file while open",
        };

        // Cursors read snapshots of the old files (and would hold back the checkpoint); they end here, as they would with
        // the owner's restart. Idle readers stay open until the data is saved: if it cannot be, reads go on through them.
        CloseCursorsWhere(_ => true);

        string done;
        var writerClosed = false;
        var readersClosed = false;
        void CloseReaders()
        {
            if (!readersClosed)
            {
                readersClosed = true;
                foreach (var reader in _readers)
                {
                    reader.Dispose();
                }

                _readers.Clear();
                _idleReaders.Clear();
            }
        }

        switch (state)
        {
            case FileState.WalGone or FileState.WalReplaced:
                if (_writer.CheckpointAll() is { } checkpointFailure)
                {
                    return Unsaved(what, checkpointFailure, committed);
                }

                done = $"checkpointed every committed page of the open WAL into '{FullPath}' through the still-open connection";
                break;
            case FileState.DatabaseGone:
                var copy = FullPath + ".recovering";
                DeleteIfPresent(copy);
                if (_writer.BackupTo(copy) is { } backupFailure)
                {
                    return Unsaved(what, backupFailure, committed);
                }

                // SQLite closes a connection whose file moved without checkpointing or removing its WAL and shared memory:
                // they are removed here, so that they are not replayed into the copy.
                CloseReaders();
                _writer.Dispose();
                writerClosed = true;
                try
                {
                    DeleteIfPresent(FullPath + "-wal");
                    DeleteIfPresent(FullPath + "-shm");
                    File.Move(copy, FullPath, overwrite: false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw FailLoudly($"{what}; its data was saved to '{copy}', but moving that into place failed ({e.Message})");
                }

                done = $"copied the database the still-open connection held to '{FullPath}' (SQLite backup API)";
                break;
            default:
                var aside = string.Create(CultureInfo.InvariantCulture, $"{FullPath}.replaced-{_time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}");
                if (_writer.BackupTo(aside) is { } asideFailure)
                {
                    return Unsaved(what, asideFailure, committed);
                }

                // SQLite closes a connection whose file moved without checkpointing or removing its WAL, which would then
                // be replayed into the new file: remove it, if it still is ours (one that came with the new file stays).
                var ownWal = _writer.WalInPlace();
                CloseReaders();
                _writer.Dispose();
                if (ownWal)
                {
                    DeleteIfPresent(FullPath + "-wal");
                }

                throw FailLoudly($"{what}; the node did not overwrite it: the data the open connection held{(committed ? ", the write just made included," : "")} was saved to '{aside}'; the database now serves the new file");
        }

        CloseReaders();
        if (!writerClosed)
        {
            _writer.Dispose();
        }

        try
        {
            _writer = DatabaseConnection.Open(FullPath, _options, readOnly: false, create: false, _limit);
            _writer.RecordFiles();
        }
        catch (DatabaseFailedException e)
        {
            throw FailLoudly($"{what}; {done}, but reopening it failed: {e.Message}");
        }

        _lastUnsaved = null;
        _alarm?.Invoke($"Database '{Name}': {what}; {done} and reopened it: no acknowledged write was lost.");
        return null;
    }

    /// <summary>Caps the database at <paramref name="pages"/> pages on the writer (<c>PRAGMA max_page_count</c>), so that writes fail as on a full disk; for tests.</summary>
    internal DatabaseError? CapPagesForTests(long pages) =>
        _writer.ExecuteInternal(string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {pages}"));

    /// <summary>The data could not be saved: everything stays open (it lives only in the open files now), and writes are refused until a later check saves it.</summary>
    private DatabaseUnavailable Unsaved(string what, string failure, bool committed)
    {
        var message = $"Database '{Name}': {what}, and saving what the open connection holds failed: {failure}. "
            + (committed ? "The write just made is in the open files but not yet saved, so it is not acknowledged. " : "")
            + "Writes are refused until it can be saved (the next request tries again); do not stop the node meanwhile, or the data held open is lost.";
        if (message != _lastUnsaved)
        {
            // Once per cause, not once per refused request.
            _alarm?.Invoke(message);
            _lastUnsaved = message;
        }

        return new DatabaseUnavailable(Name, message);
    }

    /// <summary>The failure that makes the owner restart (and reopen what is at the path now), logged first.</summary>
    private DatabaseFailedException FailLoudly(string message)
    {
        var failure = new DatabaseFailedException($"Database '{Name}': {message}.");
        _alarm?.Invoke(failure.Message);
        return failure;
    }

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
