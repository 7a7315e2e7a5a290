namespace AkkaRpc.Protocol;

/// <summary>The database name is not allowed; see <c>DatabaseNames</c> for the rules.</summary>
/// <param name="Name">The name asked for.</param>
/// <param name="Reason">Which rule it breaks.</param>
public sealed record InvalidDatabaseName(string Name, string Reason) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message =>
        $"'{Name}' is not a valid database name: {Reason}. Use 1 to 128 characters from A-Z, a-z, 0-9, '_', '-' and '.', not starting with '.' and without '..'.";
}
