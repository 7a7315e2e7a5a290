using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using Dapper;

namespace AkkaRpc.Client.Tests.Data;

/// <summary>Dapper over both providers: queries, writes, scalars, parameter styles, SQL errors, transactions, large blobs, many pages.</summary>
public sealed class DapperDifferentialTests(DifferentialFixture fixture) : IClassFixture<DifferentialFixture>
{
    private const string Items =
        "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, price REAL, qty INTEGER, created TEXT, tag BLOB, uid TEXT, amount TEXT, active INTEGER, color INTEGER, stamp TEXT, span TEXT, letter TEXT)";

    public enum Color
    {
        Red = 1,
        Blue = 2,
    }

    public sealed class Item
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public double? Price { get; set; }

        public int Qty { get; set; }

        public DateTime Created { get; set; }

        public byte[]? Tag { get; set; }

        public Guid Uid { get; set; }

        public decimal Amount { get; set; }

        public bool Active { get; set; }

        public Color Color { get; set; }

        public DateTimeOffset Stamp { get; set; }

        public TimeSpan Span { get; set; }

        public char Letter { get; set; }
    }

    public sealed record Summary(long Id, string Name, double? Price);

    private static object NewItem(int i) => new
    {
        id = i,
        name = "item" + i,
        price = i % 3 == 0 ? (double?)null : i * 1.25,
        qty = i * 10,
        created = new DateTime(2024, 1, 1, 8, 0, 0).AddHours(i),
        tag = new byte[] { (byte)i, 0, 255 },
        uid = new Guid(i, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
        amount = 10.5m * i,
        active = i % 2 == 0,
        color = (Color)(1 + (i % 2)),
        stamp = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(i % 5)),
        span = TimeSpan.FromMinutes(i * 90),
        letter = (char)('a' + i),
    };

    private const string Insert =
        "INSERT INTO items(id, name, price, qty, created, tag, uid, amount, active, color, stamp, span, letter) " +
        "VALUES (@id, @name, @price, @qty, @created, @tag, @uid, @amount, @active, @color, @stamp, @span, @letter)";

    [Fact]
    public async Task DapperQueriesWritesAndScalars_GiveTheSameResults()
    {
        await using var differ = await Differ.OpenAsync(fixture, "dapper", Items);
        await differ.Case("Execute one", c => c.Execute(Insert, NewItem(1)));
        await differ.Case("Execute many", c => c.Execute(Insert, Enumerable.Range(2, 5).Select(NewItem)));
        await differ.Case("ExecuteAsync", async c => await c.ExecuteAsync(Insert, NewItem(7)));
        await differ.Case("Query<Item>", c => c.Query<Item>("SELECT * FROM items ORDER BY id").ToList());
        await differ.Case("QueryAsync<Item>", async c => (await c.QueryAsync<Item>("SELECT * FROM items WHERE id > @min ORDER BY id", new { min = 3 })).ToList());
        await differ.Case("Query<record>", c => c.Query<Summary>("SELECT id, name, price FROM items ORDER BY id").ToList());
        await differ.Case("Query dynamic", c => c.Query("SELECT * FROM items ORDER BY id").Cast<IDictionary<string, object?>>().ToList());
        await differ.Case("Query<long>", c => c.Query<long>("SELECT id FROM items ORDER BY id").ToList());
        await differ.Case("Query<int?> with NULLs", c => c.Query<int?>("SELECT CAST(price AS INTEGER) FROM items ORDER BY id").ToList());
        await differ.Case("Query<string>", c => c.Query<string>("SELECT name FROM items ORDER BY id").ToList());
        await differ.Case("Query<Guid>", c => c.Query<Guid>("SELECT uid FROM items ORDER BY id").ToList());
        await differ.Case("Query<DateTime>", c => c.Query<DateTime>("SELECT created FROM items ORDER BY id").ToList());
        await differ.Case("Query<decimal>", c => c.Query<decimal>("SELECT amount FROM items ORDER BY id").ToList());
        await differ.Case("Query<bool>", c => c.Query<bool>("SELECT active FROM items ORDER BY id").ToList());
        await differ.Case("Query<Color>", c => c.Query<Color>("SELECT color FROM items ORDER BY id").ToList());
        await differ.Case("Query<byte[]>", c => c.Query<byte[]>("SELECT tag FROM items ORDER BY id").ToList());
        await differ.Case("QueryFirst", c => c.QueryFirst<Item>("SELECT * FROM items WHERE name = @name", new { name = "item4" }));
        await differ.Case("QueryFirstOrDefault none", c => c.QueryFirstOrDefault<Item>("SELECT * FROM items WHERE id = -1"));
        await differ.Case("QuerySingle none", c => c.QuerySingle<Item>("SELECT * FROM items WHERE id = -1"));
        await differ.Case("QuerySingle of many", c => c.QuerySingle<Item>("SELECT * FROM items"));
        await differ.Case("ExecuteScalar<long>", c => c.ExecuteScalar<long>("SELECT count(*) FROM items"));
        await differ.Case("ExecuteScalar NULL", c => c.ExecuteScalar("SELECT NULL"));
        await differ.Case("ExecuteScalar no row", c => c.ExecuteScalar("SELECT id FROM items WHERE 0"));
        await differ.Case("ExecuteScalar<string>", c => c.ExecuteScalar<string>("SELECT name FROM items WHERE id = @id", new { id = 2 }));
        await differ.Case("ExecuteScalarAsync<double?>", async c => await c.ExecuteScalarAsync<double?>("SELECT price FROM items WHERE id = 3"));
        await differ.Case("IN list", c => c.Query<long>("SELECT id FROM items WHERE id IN @ids ORDER BY id", new { ids = new[] { 1, 3, 5 } }).ToList());
        await differ.Case("QueryMultiple", c =>
        {
            using var grid = c.QueryMultiple("SELECT count(*) FROM items; SELECT name FROM items ORDER BY id LIMIT 2");
            return new object[] { grid.ReadSingle<long>(), grid.Read<string>().ToList() };
        });
        await differ.Case("Update", c => c.Execute("UPDATE items SET qty = qty + 1 WHERE id <= @max", new { max = 4 }));
        await differ.Case("Delete none", c => c.Execute("DELETE FROM items WHERE id = -1"));
        await differ.Case("Several statements", c => c.Execute("UPDATE items SET qty = 0 WHERE id = 1; UPDATE items SET qty = 0 WHERE id IN (2, 3); SELECT 1"));
        await differ.Case("Insert returning its id", c => c.ExecuteScalar<long>("INSERT INTO items(name) VALUES ('x') RETURNING id"));
        await differ.Case("RETURNING", c => c.Query<long>("DELETE FROM items WHERE name = 'x' RETURNING id").ToList());
        await differ.Case("Write with a CTE", c => c.Execute("WITH doomed AS (SELECT id FROM items WHERE id = 7) DELETE FROM items WHERE id IN (SELECT id FROM doomed)"));
        await differ.Case("unbuffered, abandoned early", c => c.Query<long>("SELECT id FROM items ORDER BY id", buffered: false).Take(2).ToList());
        await differ.Case("after an abandoned reader", c => c.ExecuteScalar<long>("SELECT count(*) FROM items"));
        differ.AssertSame(atLeast: 34);
    }

    [Fact]
    public async Task ParameterStyles_BindAndFailTheSameWay()
    {
        await using var differ = await Differ.OpenAsync(fixture, "parameters");
        await differ.Case("@ named", c => c.QuerySingle<long>("SELECT @a + 1", new { a = 1 }));
        await differ.Case("$ named", c => c.QuerySingle<long>("SELECT $a + 1", new DynamicParameters(new Dictionary<string, object> { ["$a"] = 2 })));
        await differ.Case(": named", c => c.QuerySingle<long>("SELECT :a + 1", new DynamicParameters(new Dictionary<string, object> { [":a"] = 3 })));
        await differ.Case("?1 numbered", c => Scalar(c, "SELECT ?1 + ?2", ("?1", 4), ("?2", 5)));
        await differ.Case("name without prefix", c => Scalar(c, "SELECT $a || :b || @c", ("a", "x"), ("b", "y"), ("c", "z")));
        await differ.Case("repeated parameter", c => Scalar(c, "SELECT @a * @a", ("a", 6)));
        await differ.Case("unused parameter is ignored", c => Scalar(c, "SELECT @a", ("a", 7), ("unused", 8)));
        await differ.Case("missing parameter", c => Scalar(c, "SELECT @a + @b", ("a", 1)));
        await differ.Case("missing parameter, Dapper", c => c.QuerySingle<long>("SELECT @a + @missing", new { a = 1 }));
        await differ.Case("ambiguous name", c => Scalar(c, "SELECT @a + $a", ("a", 1)));
        await differ.Case("null value", c => Scalar(c, "SELECT @a", ("a", null)));
        await differ.Case("unsupported type", c => Scalar(c, "SELECT @a", ("a", new object())));
        await differ.Case("NaN", c => Scalar(c, "SELECT @a", ("a", double.NaN)));
        await differ.Case("parameter in a string literal", c => Scalar(c, "SELECT '@a' || @b", ("b", "!")));
        await differ.Case("parameter in a comment", c => Scalar(c, "SELECT @b -- and @a\n", ("b", "!")));
        await differ.Case("parameters of two statements", c => Scalar(c, "SELECT @a; SELECT @b", ("a", 1), ("b", 2)));
        await differ.Case("long text cut to Size", c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT @a";
            var p = command.CreateParameter();
            (p.ParameterName, p.Value, p.Size) = ("@a", "abcdef", 3);
            command.Parameters.Add(p);
            return command.ExecuteScalar();
        });
        differ.AssertSame(atLeast: 17);
    }

    [Fact]
    public async Task SqlErrors_AreDbExceptionsWithSqlitesCode_AndTheConnectionKeepsWorking()
    {
        await using var differ = await Differ.OpenAsync(fixture, "errors", "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)", "INSERT INTO t(name) VALUES ('a')");
        var (syntax, _) = await differ.Case("syntax error", c => c.Execute("SELEC 1"));
        var (unique, _) = await differ.Case("unique violation", c => c.Execute("INSERT INTO t(name) VALUES ('a')"));
        await differ.Case("not null violation", c => c.Execute("INSERT INTO t(name) VALUES (NULL)"));
        await differ.Case("no such table", c => c.Query("SELECT * FROM nope").ToList());
        await differ.Case("no such column", c => c.Query("SELECT nope FROM t").ToList());
        await differ.Case("error in the second statement", c => c.Execute("INSERT INTO t(name) VALUES ('b'); INSERT INTO t(name) VALUES ('b')"));
        await differ.Case("first statement stayed", c => c.Query<string>("SELECT name FROM t ORDER BY id").ToList());
        await differ.Case("empty command", c => c.Execute(""));
        await differ.Case("closed connection", c =>
        {
            using var closed = c.GetType().GetConstructor(Type.EmptyTypes)!.Invoke(null) as DbConnection;
            using var command = closed!.CreateCommand();
            command.CommandText = "SELECT 1";
            return command.ExecuteScalar();
        });
        var (after, _) = await differ.Case("still works", c => c.ExecuteScalar<long>("SELECT count(*) FROM t"));
        differ.AssertSame(atLeast: 10);
        Assert.Equal("throws DbException(code 1)", syntax);
        Assert.Equal("throws DbException(code 19)", unique);
        Assert.Equal("Int64 2", after);
    }

    [Fact]
    public async Task Transactions_CommitRollBackAndRefuseMisuse_AsMicrosoftDataSqlite()
    {
        await using var differ = await Differ.OpenAsync(fixture, "transactions", "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT)");
        await differ.Case("rolled back", c =>
        {
            using (var tx = c.BeginTransaction())
            {
                c.Execute("INSERT INTO t(name) VALUES ('gone')", transaction: tx);
                tx.Rollback();
            }

            return c.ExecuteScalar<long>("SELECT count(*) FROM t");
        });
        await differ.Case("committed", async c =>
        {
            await using (var tx = await c.BeginTransactionAsync())
            {
                await c.ExecuteAsync("INSERT INTO t(name) VALUES (@n)", new[] { new { n = "a" }, new { n = "b" } }, tx);
                var inside = await c.QueryAsync<string>("SELECT name FROM t ORDER BY id", transaction: tx);
                await tx.CommitAsync();
                return inside.ToList();
            }
        });
        await differ.Case("disposed without commit", c =>
        {
            using (var tx = c.BeginTransaction())
            {
                c.Execute("INSERT INTO t(name) VALUES ('gone')", transaction: tx);
            }

            return c.ExecuteScalar<long>("SELECT count(*) FROM t");
        });
        await differ.Case("command without a transaction runs in the pending one", c =>
        {
            using var tx = c.BeginTransaction();
            return c.Execute("INSERT INTO t(name) VALUES ('x')");
        });
        await differ.Case("nested transaction", c =>
        {
            using var tx = c.BeginTransaction();
            using var inner = c.BeginTransaction();
            return 0;
        });
        await differ.Case("commit twice", c =>
        {
            using var tx = c.BeginTransaction();
            tx.Commit();
            tx.Commit();
            return 0;
        });
        await differ.Case("isolation level", c =>
        {
            using var tx = c.BeginTransaction(IsolationLevel.Serializable);
            return tx.IsolationLevel;
        });
        await differ.Case("after all that", c => c.Query<string>("SELECT name FROM t ORDER BY id").ToList());
        differ.AssertSame(atLeast: 8);
    }

    [Fact]
    public async Task LargeBlobsAndManyPages_ReadTheSame_AndAnAbandonedReaderFreesItsCursor()
    {
        await using var differ = await Differ.OpenAsync(fixture, "large", "CREATE TABLE blobs(id INTEGER PRIMARY KEY, data BLOB)", "CREATE TABLE big(x INTEGER)");
        var blobs = Enumerable.Range(1, 3).Select(i => new { id = i, data = RandomNumberGenerator.GetBytes(3 << 20) }).ToList();
        await differ.Case("insert 3 MB blobs", c => c.Execute("INSERT INTO blobs(id, data) VALUES (@id, @data)", blobs));
        await differ.Case("read them with Dapper", c => c.Query<byte[]>("SELECT data FROM blobs ORDER BY id").ToList());
        await differ.Case("read them as streams", c =>
        {
            using var reader = (DbDataReader)c.ExecuteReader("SELECT data FROM blobs ORDER BY id");
            var read = new List<object>();
            while (reader.Read())
            {
                read.Add(reader.GetStream(0));
            }

            return read;
        });
        await differ.Case("read them in chunks", c =>
        {
            using var reader = c.ExecuteReader("SELECT data FROM blobs WHERE id = 2");
            reader.Read();
            var buffer = new byte[1 << 20];
            using var copy = new MemoryStream();
            for (long offset = 0, n; (n = reader.GetBytes(0, offset, buffer, 0, buffer.Length)) > 0; offset += n)
            {
                copy.Write(buffer, 0, (int)n);
            }

            return copy.ToArray();
        });
        await differ.Case("length in SQL", c => c.Query<long>("SELECT length(data) FROM blobs ORDER BY id").ToList());
        await differ.Case("insert 5000 rows", c => c.Execute("INSERT INTO big(x) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000) SELECT x FROM n"));
        await differ.Case("read 5000 rows", c =>
        {
            var rows = c.Query<long>("SELECT x FROM big ORDER BY x").ToList();
            return new object[] { rows.Count, rows.Sum(), rows[^1] };
        });
        await differ.Case("read 5000 rows async, unbuffered", async c =>
        {
            long count = 0, sum = 0;
            await foreach (var x in c.QueryUnbufferedAsync<long>("SELECT x FROM big ORDER BY x"))
            {
                (count, sum) = (count + 1, sum + x);
            }

            return new[] { count, sum };
        });
        await differ.Case("abandon a reader after 10 of 5000 rows", c =>
        {
            using (var reader = c.ExecuteReader("SELECT x FROM big ORDER BY x"))
            {
                for (var i = 0; i < 10; i++)
                {
                    reader.Read();
                }
            }

            return c.ExecuteScalar<long>("SELECT count(*) FROM big");
        });
        differ.AssertSame(atLeast: 9);
    }

    private static object? Scalar(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command.ExecuteScalar();
    }
}
