namespace AkkaRpc.Sqlite;

/// <summary>Which file a path names: its device and inode, as <c>stat</c> reports them.</summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode);
