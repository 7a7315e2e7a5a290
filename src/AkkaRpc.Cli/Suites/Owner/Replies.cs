using AkkaRpc.Sqlite;

namespace AkkaRpc.Cli.Suites.Owner;

/// <summary>Turns a database reply into the expected kind, or into an exception that carries the owner's own message.</summary>
internal static class Replies
{
    public static T Expect<T>(DatabaseReply reply)
        where T : DatabaseReply =>
        reply as T ?? throw new InvalidOperationException(reply is DatabaseError error ? error.Message : $"Unexpected reply {reply}.");
}
