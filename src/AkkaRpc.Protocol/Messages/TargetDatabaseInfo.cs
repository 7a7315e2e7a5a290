namespace AkkaRpc.Protocol;

/// <summary>The database an owner serves.</summary>
/// <param name="Name">The database's name.</param>
/// <param name="FullPath">The absolute path of its file.</param>
/// <param name="ReadOnly">Whether the owner opened it read-only.</param>
public sealed record TargetDatabaseInfo(string Name, string FullPath, bool ReadOnly) : DatabaseReply;
