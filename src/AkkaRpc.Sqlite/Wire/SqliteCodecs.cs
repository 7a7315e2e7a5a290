using AkkaRpc.Remote.Serialization;

namespace AkkaRpc.Sqlite.Wire;

/// <summary>The codecs for every database message, under the ids of <see cref="SqliteWireIds"/>.</summary>
public static class SqliteCodecs
{
    /// <summary>A registry with the kernel's codecs and the database messages' codecs: what a node or client that talks to databases needs.</summary>
    public static CodecRegistry CreateRegistry()
    {
        var registry = CodecRegistry.CreateDefault();
        Register(registry);
        return registry;
    }

    /// <summary>Registers the database messages' codecs in <paramref name="registry"/>, which must not be frozen yet.</summary>
    /// <exception cref="ArgumentException">One of the ids or types is already registered.</exception>
    public static void Register(CodecRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(SqliteWireIds.Query, new QueryCodec());
        registry.Register(SqliteWireIds.Execute, new ExecuteCodec());
        registry.Register(SqliteWireIds.Batch, new BatchCodec());
        SimpleRequestCodecs.Register(registry);
        registry.Register(SqliteWireIds.QueryResult, new QueryResultCodec());
        ReplyCodecs.Register(registry);
        ErrorCodecs.Register(registry);
        NodeCodecs.Register(registry);
    }
}
