namespace AkkaRpc.Config.Tests;

public sealed class MergingTests
{
    [Fact]
    public void Duplicate_object_keys_merge_recursively()
    {
        var doc = HoconDocument.Parse("""
            foo { a = 1, nested { x = 1 } }
            foo { b = 2, nested { y = 2 } }
            """);

        Assert.Equal(1, doc.GetInt("foo.a"));
        Assert.Equal(2, doc.GetInt("foo.b"));
        Assert.Equal(1, doc.GetInt("foo.nested.x"));
        Assert.Equal(2, doc.GetInt("foo.nested.y"));
    }

    [Fact]
    public void Later_non_object_value_replaces_and_later_value_wins()
    {
        var doc = HoconDocument.Parse("""
            a = 1
            a = 2
            b { x = 1 }
            b = 5
            c = [1, 2]
            c = [3]
            """);

        Assert.Equal(2, doc.GetInt("a"));
        Assert.Equal(5, doc.GetInt("b"));
        Assert.Equal(["3"], doc.GetStringList("c"));
    }

    [Fact]
    public void A_non_object_between_two_objects_hides_the_first_one()
    {
        // The specification's example: { a : { x : 1 } } then a : 42 then a : { y : 2 } does not merge x in.
        var doc = HoconDocument.Parse("""
            a : { x : 1 }
            a : 42
            a : { y : 2 }
            """);

        Assert.False(doc.HasPath("a.x"));
        Assert.Equal(2, doc.GetInt("a.y"));
    }

    [Fact]
    public void Null_then_object_clears_earlier_fields()
    {
        var doc = HoconDocument.Parse("""
            a { x = 1 }
            a = null
            a { y = 2 }
            """);

        Assert.False(doc.HasPath("a.x"));
        Assert.Equal(2, doc.GetInt("a.y"));
    }

    [Fact]
    public void Dotted_keys_are_equivalent_to_nested_objects()
    {
        var dotted = HoconDocument.Parse("akkarpc.remote.tcp.port = 2552\nakkarpc.remote.tcp.hostname = localhost");
        var nested = HoconDocument.Parse("akkarpc { remote { tcp { port = 2552, hostname = localhost } } }");
        var mixed = HoconDocument.Parse("akkarpc.remote { tcp.port = 2552 }\nakkarpc { remote.tcp { hostname = localhost } }");

        foreach (HoconDocument doc in new[] { dotted, nested, mixed })
        {
            Assert.Equal(2552, doc.GetInt("akkarpc.remote.tcp.port"));
            Assert.Equal("localhost", doc.GetString("akkarpc.remote.tcp.hostname"));
            Assert.Equal(["hostname", "port"], ((HoconObject)doc.GetValue("akkarpc.remote.tcp")).Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Dotted_key_after_scalar_replaces_it_with_an_object()
    {
        var doc = HoconDocument.Parse("a = 1\na.b = 2");

        Assert.Equal(2, doc.GetInt("a.b"));
    }

    [Fact]
    public void Plus_equals_appends_to_an_existing_array_or_starts_one()
    {
        var doc = HoconDocument.Parse("""
            a = [1]
            a += 2
            a += [3]
            b += x
            c { d = [one] }
            c { d += two }
            """);

        var a = Assert.IsType<HoconArray>(doc.GetValue("a"));
        Assert.Equal(3, a.Count);
        Assert.Equal("2", ((HoconScalar)a[1]).Value);
        Assert.Equal(HoconValueType.Array, a[2].Type);
        Assert.Equal(["x"], doc.GetStringList("b"));
        Assert.Equal(["one", "two"], doc.GetStringList("c.d"));
    }
}
