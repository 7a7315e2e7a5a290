
namespace AkkaRpc.Protocol.Tests;

public sealed class DatabaseCodecsTests
{
    public static TheoryData<object> Messages => new(SampleMessages.All());

    [Fact]
    public void EveryConcreteDatabaseMessage_HasACodec_WithAnIdInTheDatabaseRange()
    {
        var messageTypes = typeof(DatabaseRequest).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (typeof(DatabaseRequest).IsAssignableFrom(t) || typeof(DatabaseReply).IsAssignableFrom(t)))
            .Append(typeof(Resolve))
            .Append(typeof(LocateOwner))
            .ToList();

        Assert.NotEmpty(messageTypes);
        var ids = new HashSet<int>();
        foreach (var type in messageTypes)
        {
            Assert.True(ProtocolWire.Registry.TryGetCodec(type, out var id, out _), $"{type.Name} has no codec");
            Assert.InRange(id, 200, 299);
            Assert.True(ids.Add(id));
        }
    }

    [Fact]
    public void EveryConcreteDatabaseMessage_AppearsInTheSamples()
    {
        var sampled = SampleMessages.All().Select(m => m.GetType()).ToHashSet();
        var missing = typeof(DatabaseRequest).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (typeof(DatabaseRequest).IsAssignableFrom(t) || typeof(DatabaseReply).IsAssignableFrom(t)))
            .Where(t => !sampled.Contains(t))
            .Select(t => t.Name);

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryMessage_RoundTrips_ToTheSameTypeAndTheSameBytes(object message)
    {
        var decoded = ProtocolWire.RoundTrip(message);

        // Records holding lists compare those by reference, so their contents are checked by the re-encoding above.
        if (message is not (Query or Execute or Batch or BatchResult or QueryResult or Transactional or NodeStatus))
        {
            Assert.Equal(message, decoded);
        }
    }

    [Fact]
    public void Query_RoundTrips_SqlAndPositionalParameters()
    {
        var decoded = ProtocolWire.RoundTrip(new Query("select * from items where id = ?1", SqlParameters.Positional(7)));

        Assert.Equal("select * from items where id = ?1", decoded.Sql);
        Assert.False(decoded.Parameters.IsNamed);
        Assert.Equal([SqlValue.FromInteger(7)], decoded.Parameters.Values);
    }

    [Fact]
    public void Query_WithoutParameters_DecodesToTheSharedNone()
    {
        var decoded = ProtocolWire.RoundTrip(new Query("select 1"));

        Assert.Same(SqlParameters.None, decoded.Parameters);
    }

    [Fact]
    public void NamedParameters_KeepTheirNamesOrderAndValues()
    {
        var parameters = SqlParameters.Named(("$id", 7), ("name", "x"), ("@blob", SqlValue.FromBlob([])));

        var decoded = ProtocolWire.RoundTrip(new Execute("update t set name = :name where id = $id", parameters)).Parameters;

        Assert.True(decoded.IsNamed);
        Assert.Equal(["$id", "name", "@blob"], decoded.Names!);
        Assert.Equal(parameters.Values, decoded.Values);
    }

    [Fact]
    public void EmptyNamedParameters_StayNamed()
    {
        var decoded = ProtocolWire.RoundTrip(new Query("select 1", SqlParameters.Named(Array.Empty<KeyValuePair<string, SqlValue>>()))).Parameters;

        Assert.True(decoded.IsNamed);
        Assert.Empty(decoded.Values);
    }

    [Fact]
    public void Batch_RoundTrips_EveryStatementInOrder()
    {
        var batch = new Batch([new Statement("insert into t values (?1)", SqlParameters.Positional(1)), new Statement("delete from t")]);

        var decoded = ProtocolWire.RoundTrip(batch);

        Assert.Equal(["insert into t values (?1)", "delete from t"], decoded.Statements.Select(s => s.Sql));
        Assert.Equal([SqlValue.FromInteger(1)], decoded.Statements[0].Parameters.Values);
        Assert.Same(SqlParameters.None, decoded.Statements[1].Parameters);
    }

    [Fact]
    public void BatchResult_RoundTrips_EveryResult()
    {
        var decoded = ProtocolWire.RoundTrip(new BatchResult([new ExecuteResult(1, 10), new ExecuteResult(0, long.MinValue)]));

        Assert.Equal([new ExecuteResult(1, 10), new ExecuteResult(0, long.MinValue)], decoded.Results);
    }

    [Fact]
    public void QueryResult_RoundTrips_ColumnsRowsAndCursor()
    {
        var result = new QueryResult(
            [new ColumnInfo("id", "INTEGER"), new ColumnInfo("expr", null)],
            [[1L, "a"], [2L, SqlValue.Null]],
            CursorId: 99);

        var decoded = ProtocolWire.RoundTrip(result);

        Assert.Equal(result.Columns, decoded.Columns);
        Assert.Equal(2, decoded.Rows.Count);
        Assert.Equal(result.Rows[0], decoded.Rows[0]);
        Assert.Equal(result.Rows[1], decoded.Rows[1]);
        Assert.Equal(99, decoded.CursorId);
        Assert.True(decoded.HasMore);
    }

    [Fact]
    public void LargeResultsAndParameterLists_RoundTrip_PastThePreallocationLimit()
    {
        var values = Enumerable.Range(0, 5_000).Select(i => SqlValue.FromInteger(i)).ToArray();
        var rows = values.Select(v => (IReadOnlyList<SqlValue>)[v, SqlValue.FromText("r")]).ToArray();

        var query = ProtocolWire.RoundTrip(new Query("select 1", SqlParameters.Positional(values)));
        var result = ProtocolWire.RoundTrip(new QueryResult([new ColumnInfo("a", null), new ColumnInfo("b", null)], rows, null));

        Assert.Equal(values, query.Parameters.Values);
        Assert.Equal(5_000, result.Rows.Count);
        Assert.Equal(rows[4_999], result.Rows[4_999]);
    }

    [Fact]
    public void QueryResult_WithoutCursor_HasNoMore()
    {
        var decoded = ProtocolWire.RoundTrip(SampleMessages.PointQueryResult());

        Assert.Null(decoded.CursorId);
        Assert.Equal(SampleMessages.PointQueryResult().Rows[0], decoded.Rows[0]);
    }

    [Fact]
    public void Transactional_CarriesItsRequestAsANestedMessage()
    {
        var decoded = ProtocolWire.RoundTrip(new Transactional(12, new Execute("delete from t")));

        Assert.Equal(12, decoded.TransactionId);
        var inner = Assert.IsType<Execute>(decoded.Request);
        Assert.Equal("delete from t", inner.Sql);
    }

    [Fact]
    public void BatchFailed_CarriesItsErrorAsANestedMessage()
    {
        var decoded = ProtocolWire.RoundTrip(new BatchFailed(3, new SqlError(19, 2067, "UNIQUE constraint failed")));

        Assert.Equal(new SqlError(19, 2067, "UNIQUE constraint failed"), decoded.Error);
        Assert.Contains("Statement 3", decoded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolved_CarriesTheOwnerThroughTheConnectionsReferenceCodec()
    {
        var decoded = ProtocolWire.RoundTrip(new Resolved("orders", ProtocolWire.Owner));

        Assert.Same(ProtocolWire.Owner, decoded.Owner);
    }

    [Fact]
    public void ExactBytes_ArePinned_ForSmallDatabaseMessages()
    {
        // Ping: id 208 (varint D0 01), empty payload.
        Assert.Equal(new byte[] { 0xD0, 0x01, 0x00 }, ProtocolWire.Encode(new Ping()));

        // Commit(1): id 204, payload zigzag(1) = 2.
        Assert.Equal(new byte[] { 0xCC, 0x01, 0x01, 0x02 }, ProtocolWire.Encode(new Commit(1)));

        // Query("select ?1", [7]): id 200, length 14, sql prefix 10 + "select ?1", positional form 0, count 1, Integer tag 1, zigzag(7) = 14.
        byte[] query = [0xC8, 0x01, 0x0E, 0x0A, .. "select ?1"u8, 0x00, 0x01, 0x01, 0x0E];
        Assert.Equal(query, ProtocolWire.Encode(new Query("select ?1", SqlParameters.Positional(7))));

        // QueryResult: 1 column ("n", no declared type), 1 row [NULL], no cursor.
        Assert.Equal(
            new byte[] { 0xE6, 0x01, 0x07, 0x01, 0x02, (byte)'n', 0x00, 0x01, 0x05, 0x00 },
            ProtocolWire.Encode(new QueryResult([new ColumnInfo("n", null)], [[SqlValue.Null]], null)));
    }

    [Fact]
    public void AQueryResultRow_WithTheWrongNumberOfValues_CannotBeWritten()
    {
        var result = new QueryResult([new ColumnInfo("a", null), new ColumnInfo("b", null)], [[1L]], null);

        Assert.Throws<ArgumentException>(() => ProtocolWire.Encode(result));
    }

    [Fact]
    public void Register_TwiceInTheSameRegistry_IsRejected()
    {
        var registry = new CodecRegistry();
        DatabaseMessageSerializer.Register(registry);

        Assert.Throws<ArgumentException>(() => DatabaseMessageSerializer.Register(registry));
    }
}
