namespace AkkaRpc.Protocol;

/// <summary>Asks which file the owner serves; answered by <see cref="TargetDatabaseInfo"/>.</summary>
public sealed record TargetDatabase : DatabaseRequest;
