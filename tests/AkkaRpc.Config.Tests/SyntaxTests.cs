namespace AkkaRpc.Config.Tests;

public sealed class SyntaxTests
{
    [Fact]
    public void Json_document_parses_with_types_preserved()
    {
        var doc = HoconDocument.Parse("""
            { "name": "orders", "port": 2552, "ratio": 0.75, "big": 1e+3, "on": true, "off": false, "nothing": null,
              "nested": { "list": [1, "two", [3]] } }
            """);

        Assert.Equal("orders", doc.GetString("name"));
        Assert.Equal(2552, doc.GetInt("port"));
        Assert.Equal(HoconValueType.Number, doc.GetValue("port").Type);
        Assert.Equal(0.75, doc.GetDouble("ratio"));
        Assert.Equal(1000.0, doc.GetDouble("big"));
        Assert.True(doc.GetBoolean("on"));
        Assert.False(doc.GetBoolean("off"));
        Assert.Equal(HoconValueType.Null, doc.GetValue("nothing").Type);
        var list = Assert.IsType<HoconArray>(doc.GetValue("nested.list"));
        Assert.Equal(3, list.Count);
        Assert.Equal(HoconValueType.Array, list[2].Type);
    }

    [Fact]
    public void Root_braces_may_be_omitted()
    {
        var withBraces = HoconDocument.Parse("{ a = 1, b = 2 }");
        var without = HoconDocument.Parse("a = 1\nb = 2");

        Assert.Equal(withBraces.GetInt("a"), without.GetInt("a"));
        Assert.Equal(withBraces.GetInt("b"), without.GetInt("b"));
    }

    [Fact]
    public void Equals_colon_and_brace_without_separator_are_all_key_value_separators()
    {
        var doc = HoconDocument.Parse("""
            a = 1
            b : 2
            c { d = 3 }
            e = { f = 4 }
            """);

        Assert.Equal(1, doc.GetInt("a"));
        Assert.Equal(2, doc.GetInt("b"));
        Assert.Equal(3, doc.GetInt("c.d"));
        Assert.Equal(4, doc.GetInt("e.f"));
    }

    [Fact]
    public void Newlines_replace_commas_and_a_trailing_comma_is_allowed()
    {
        var doc = HoconDocument.Parse("""
            list = [
              1
              2,
              3,
            ]
            obj { x = 1, y = 2, }
            """);

        Assert.Equal(["1", "2", "3"], doc.GetStringList("list"));
        Assert.Equal(2, doc.GetInt("obj.y"));
    }

    [Fact]
    public void Hash_and_double_slash_comments_are_ignored_outside_quotes()
    {
        var doc = HoconDocument.Parse("""
            # a comment
            a = 1 // trailing comment
            b = "not # a comment" # but this is
            url = "http://example.org"
            // c = 3
            """);

        Assert.Equal(1, doc.GetInt("a"));
        Assert.Equal("not # a comment", doc.GetString("b"));
        Assert.Equal("http://example.org", doc.GetString("url"));
        Assert.False(doc.HasPath("c"));
    }

    [Fact]
    public void Unquoted_strings_stop_at_forbidden_characters_and_comments()
    {
        var doc = HoconDocument.Parse("""
            path = /var/lib/akkarpc/data.db
            host = node-1.example.org
            mixed = abc//comment
            """);

        Assert.Equal("/var/lib/akkarpc/data.db", doc.GetString("path"));
        Assert.Equal("node-1.example.org", doc.GetString("host"));
        Assert.Equal("abc", doc.GetString("mixed"));
    }

    [Fact]
    public void Quoted_strings_support_json_escapes()
    {
        var doc = HoconDocument.Parse("""
            a = "tab\tquote\"slash\\\/uni\u00e9\nend"
            """);

        Assert.Equal("tab\tquote\"slash\\/uni\u00e9\nend", doc.GetString("a"));
    }

    [Fact]
    public void Simple_values_on_one_line_concatenate_keeping_inner_whitespace()
    {
        var doc = HoconDocument.Parse("""
            a = foo bar   baz
            b = "foo" bar
            c = 10 seconds
            d = true or false
            e = 1 2 3
            f = foo   # trailing whitespace and comment are not part of the value
            """);

        Assert.Equal("foo bar   baz", doc.GetString("a"));
        Assert.Equal("foo bar", doc.GetString("b"));
        Assert.Equal("10 seconds", doc.GetString("c"));
        Assert.Equal(HoconValueType.String, doc.GetValue("d").Type);
        Assert.Equal("true or false", doc.GetString("d"));
        Assert.Equal("1 2 3", doc.GetString("e"));
        Assert.Equal("foo", doc.GetString("f"));
    }

    [Fact]
    public void Arrays_and_objects_on_one_line_concatenate()
    {
        var doc = HoconDocument.Parse("""
            a = [1, 2] [3]
            b = { x = 1 } { y = 2 }
            """);

        Assert.Equal(["1", "2", "3"], doc.GetStringList("a"));
        Assert.Equal(1, doc.GetInt("b.x"));
        Assert.Equal(2, doc.GetInt("b.y"));
    }

    [Fact]
    public void Triple_quoted_strings_span_lines_without_escapes()
    {
        var doc = HoconDocument.Parse("a = \"\"\"first\n  second \\n \"quoted\"\"\"\"\nb = 1");

        Assert.Equal("first\n  second \\n \"quoted\"", doc.GetString("a"));
        Assert.Equal(1, doc.GetInt("b"));
    }

    [Theory]
    [InlineData("1", HoconValueType.Number)]
    [InlineData("-12", HoconValueType.Number)]
    [InlineData("3.25", HoconValueType.Number)]
    [InlineData("1e5", HoconValueType.Number)]
    [InlineData("1.5E-3", HoconValueType.Number)]
    [InlineData("true", HoconValueType.Boolean)]
    [InlineData("false", HoconValueType.Boolean)]
    [InlineData("null", HoconValueType.Null)]
    [InlineData("10s", HoconValueType.String)]
    [InlineData("1.2.3", HoconValueType.String)]
    [InlineData("yes", HoconValueType.String)]
    [InlineData("\"42\"", HoconValueType.String)]
    public void Lone_values_get_their_json_type(string text, HoconValueType expected)
    {
        var doc = HoconDocument.Parse("a = " + text);

        Assert.Equal(expected, doc.GetValue("a").Type);
    }

    [Fact]
    public void Quoted_keys_keep_dots_and_whitespace_inside_keys_is_kept()
    {
        var doc = HoconDocument.Parse("""
            "a.b" = 1
            foo bar = 2
            x."y.z".w = 3
            foo include : 4
            """);

        Assert.Equal(["a.b", "foo bar", "x", "foo include"], doc.Root.Keys);
        Assert.Equal(1, doc.GetInt("\"a.b\""));
        Assert.Equal(2, doc.GetInt("foo bar"));
        Assert.Equal(3, doc.GetInt("x.\"y.z\".w"));
    }

    [Fact]
    public void Include_is_an_ordinary_string_when_used_as_a_value()
    {
        var doc = HoconDocument.Parse("""
            a = include
            b = [ include ]
            "include" = 42
            """);

        Assert.Equal("include", doc.GetString("a"));
        Assert.Equal(["include"], doc.GetStringList("b"));
        Assert.Equal(42, doc.GetInt("include"));
    }

    [Fact]
    public void Empty_document_is_an_empty_object()
    {
        Assert.Empty(HoconDocument.Parse("").Root);
        Assert.Empty(HoconDocument.Parse("  # only a comment\n").Root);
        Assert.Empty(HoconDocument.Parse("{}").Root);
    }

    [Fact]
    public void Fields_keep_their_first_definition_order()
    {
        var doc = HoconDocument.Parse("c = 1\na = 2\nb = 3\nc = 4");

        Assert.Equal(["c", "a", "b"], doc.Root.Keys);
        Assert.Equal(4, doc.GetInt("c"));
    }
}
