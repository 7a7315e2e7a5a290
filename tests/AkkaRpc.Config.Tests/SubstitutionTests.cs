namespace AkkaRpc.Config.Tests;

public sealed class SubstitutionTests
{
    [Fact]
    public void Substitution_keeps_the_type_of_a_lone_value()
    {
        var doc = HoconDocument.Parse("""
            base { port = 2552, tags = [a, b], on = true }
            port = ${base.port}
            tags = ${base.tags}
            copy = ${base}
            on = ${base.on}
            """);

        Assert.Equal(HoconValueType.Number, doc.GetValue("port").Type);
        Assert.Equal(2552, doc.GetInt("port"));
        Assert.Equal(["a", "b"], doc.GetStringList("tags"));
        Assert.Equal(2552, doc.GetInt("copy.port"));
        Assert.True(doc.GetBoolean("on"));
    }

    [Fact]
    public void Substitution_resolves_forward_references_against_the_merged_document()
    {
        var doc = HoconDocument.Parse("""
            url = "http://"${host}":"${port}/api
            host = localhost
            port = 80
            port = 8080
            """);

        Assert.Equal("http://localhost:8080/api", doc.GetString("url"));
    }

    [Fact]
    public void Object_may_refer_to_a_sibling_inside_itself()
    {
        // The specification's example: resolving ${bar.foo} must not resolve all of bar.
        var doc = HoconDocument.Parse("""
            bar : { foo : 42,
                    baz : ${bar.foo}
                  }
            bar : { foo : 43 }
            """);

        Assert.Equal(43, doc.GetInt("bar.baz"));
    }

    [Fact]
    public void Self_reference_sees_the_earlier_value()
    {
        var doc = HoconDocument.Parse("""
            path = "/bin"
            path = ${path}":/usr/bin"
            path = ${path}":/usr/local/bin"
            list = [a]
            list = ${list} [b]
            obj { x = 1 }
            obj = ${obj} { y = 2 }
            """);

        Assert.Equal("/bin:/usr/bin:/usr/local/bin", doc.GetString("path"));
        Assert.Equal(["a", "b"], doc.GetStringList("list"));
        Assert.Equal(1, doc.GetInt("obj.x"));
        Assert.Equal(2, doc.GetInt("obj.y"));
    }

    [Fact]
    public void Self_reference_inside_nested_object_sees_the_earlier_value()
    {
        var doc = HoconDocument.Parse("""
            a.b = start
            a { b = ${a.b}"-more" }
            """);

        Assert.Equal("start-more", doc.GetString("a.b"));
    }

    [Fact]
    public void Optional_self_reference_without_earlier_value_is_undefined()
    {
        var doc = HoconDocument.Parse("""
            path = ${?path}"/x"
            alone = ${?alone}
            """);

        Assert.Equal("/x", doc.GetString("path"));
        Assert.False(doc.HasPath("alone"));
    }

    [Fact]
    public void Required_substitution_falls_back_to_the_environment()
    {
        string name = EnvironmentVariable.UniqueName();
        using var variable = new EnvironmentVariable(name, "from-env");

        var doc = HoconDocument.Parse("a = ${" + name + "}\nb = prefix-${" + name + "}");

        Assert.Equal("from-env", doc.GetString("a"));
        Assert.Equal("prefix-from-env", doc.GetString("b"));
    }

    [Fact]
    public void Optional_substitution_uses_the_environment_when_set()
    {
        string name = EnvironmentVariable.UniqueName();
        using var variable = new EnvironmentVariable(name, "5000");

        var doc = HoconDocument.Parse("port = 2552\nport = ${?" + name + "}");

        Assert.Equal(5000, doc.GetInt("port"));
    }

    [Fact]
    public void Optional_substitution_that_finds_nothing_keeps_the_earlier_value_or_leaves_the_key_unset()
    {
        string name = EnvironmentVariable.UniqueName();

        var doc = HoconDocument.Parse("port = 2552\nport = ${?" + name + "}\nhost = ${?" + name + "}\nlist = [1, ${?" + name + "}]");

        Assert.Equal(2552, doc.GetInt("port"));
        Assert.False(doc.HasPath("host"));
        Assert.Equal(["1"], doc.GetStringList("list"));
    }

    [Fact]
    public void Document_value_wins_over_an_environment_variable_of_the_same_name()
    {
        string name = EnvironmentVariable.UniqueName();
        using var variable = new EnvironmentVariable(name, "from-env");

        var doc = HoconDocument.Parse(name + " = from-file\na = ${" + name + "}");

        Assert.Equal("from-file", doc.GetString("a"));
    }

    [Fact]
    public void Substitution_to_object_merges_with_later_object_fields()
    {
        var doc = HoconDocument.Parse("""
            defaults { timeout = 10s, retries = 3 }
            client = ${defaults}
            client { retries = 5 }
            """);

        Assert.Equal(TimeSpan.FromSeconds(10), doc.GetDuration("client.timeout"));
        Assert.Equal(5, doc.GetInt("client.retries"));
        Assert.Equal(3, doc.GetInt("defaults.retries"));
    }

    [Fact]
    public void Substitution_inside_array_and_concatenation_with_null()
    {
        var doc = HoconDocument.Parse("""
            x = 1
            n = null
            arr = [${x}, "${x} is literal", ${n}]
            s = value-${n}
            """);

        var arr = Assert.IsType<HoconArray>(doc.GetValue("arr"));
        Assert.Equal("1", ((HoconScalar)arr[0]).Value);
        Assert.Equal("${x} is literal", ((HoconScalar)arr[1]).Value);
        Assert.Equal(HoconValueType.Null, arr[2].Type);
        Assert.Equal("value-null", doc.GetString("s"));
    }

    [Fact]
    public void Substitution_cycle_is_an_error_naming_the_chain()
    {
        var error = Assert.Throws<HoconException>(() => HoconDocument.Parse("a = ${b}\nb = ${a}"));

        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("substitution cycle: ${b} -> ${a}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_referring_to_itself_is_a_cycle()
    {
        var error = Assert.Throws<HoconException>(() => HoconDocument.Parse("a { b = ${a} }"));

        Assert.Equal(1, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concatenating_an_object_with_a_string_is_an_error()
    {
        var error = Assert.Throws<HoconException>(() => HoconDocument.Parse("o { x = 1 }\na = ${o} text"));

        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("cannot concatenate", error.Message, StringComparison.Ordinal);
    }
}
