using AkkaRpc.Actors;
using AkkaRpc.Sqlite;

namespace AkkaRpc.Cli.Suites.Owner;

/// <summary>The table both targets work on, so their figures compare like with like.</summary>
internal static class OwnerSchema
{
    /// <summary>Rows created before measuring; point queries pick among them.</summary>
    public const int SeedRows = 10_000;

    public const string Create = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, value INTEGER NOT NULL)";

    public const string Seed =
        "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 10000) " +
        "INSERT INTO items (id, name, value) SELECT i, 'item-' || i, i * 7 FROM s";

    public const string PointQuery = "SELECT id, name, value FROM items WHERE id = $id";

    public const string Insert = "INSERT INTO items (name, value) VALUES ('new', $value)";

    /// <summary>The point query for row <paramref name="id"/>.</summary>
    public static Query PointQueryFor(long id) => new(PointQuery, SqlParameters.Named(("id", id)));

    /// <summary>Creates and fills the table through <paramref name="owner"/>.</summary>
    public static async Task SeedAsync(IActorRef owner, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Replies.Expect<ExecuteResult>(await owner.Ask<DatabaseReply>(new Execute(Create), timeout, cancellationToken));
        Replies.Expect<ExecuteResult>(await owner.Ask<DatabaseReply>(new Execute(Seed), timeout, cancellationToken));
    }
}
