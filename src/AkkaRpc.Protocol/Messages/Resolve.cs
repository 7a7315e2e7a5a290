namespace AkkaRpc.Protocol;

/// <summary>
/// Asks <c>/user/databases</c> for the owner of a database, starting it if needed; answered by
/// <see cref="Resolved"/>, <see cref="InvalidDatabaseName"/>, <see cref="DatabaseNotFound"/> or <see cref="DatabaseUnavailable"/>.
/// </summary>
/// <param name="Name">The database's name (see <c>DatabaseNames</c>).</param>
public sealed record Resolve(string Name);
