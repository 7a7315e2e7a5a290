namespace AkkaRpc.Config.Tests;

public sealed class DocumentGetterTests
{
    private static readonly HoconDocument Doc = HoconDocument.Parse("""
        int = 42
        int-as-string = "42"
        long = 9000000000
        yes = yes
        off = off
        bool = true
        number = 2.5
        list = [a, 1, true]
        nested = [[a]]
        "dotted.key" { inner = x }
        nothing = null
        """);

    [Fact]
    public void Numeric_getters_accept_numbers_and_numeric_strings_and_check_range()
    {
        Assert.Equal(42, Doc.GetInt("int"));
        Assert.Equal(42, Doc.GetInt("int-as-string"));
        Assert.Equal(9_000_000_000L, Doc.GetLong("long"));
        Assert.Equal(2.5, Doc.GetDouble("number"));
        Assert.Throws<HoconException>(() => Doc.GetInt("long"));
        Assert.Throws<HoconException>(() => Doc.GetInt("number"));
    }

    [Fact]
    public void Boolean_getter_accepts_the_six_spellings_of_the_specification()
    {
        Assert.True(Doc.GetBoolean("yes"));
        Assert.False(Doc.GetBoolean("off"));
        Assert.True(Doc.GetBoolean("bool"));
        Assert.Throws<HoconException>(() => Doc.GetBoolean("int"));
    }

    [Fact]
    public void String_getters_convert_scalars_but_never_null_objects_or_arrays()
    {
        Assert.Equal("42", Doc.GetString("int"));
        Assert.Equal(["a", "1", "true"], Doc.GetStringList("list"));
        Assert.Throws<HoconException>(() => Doc.GetString("nothing"));
        Assert.Throws<HoconException>(() => Doc.GetString("list"));
        Assert.Throws<HoconException>(() => Doc.GetStringList("int"));
        var error = Assert.Throws<HoconException>(() => Doc.GetStringList("nested"));
        Assert.Contains("'nested[0]' should be a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_quote_keys_that_contain_dots()
    {
        Assert.Equal("x", Doc.GetString("\"dotted.key\".inner"));
        Assert.False(Doc.HasPath("dotted.key.inner"));
        Assert.True(Doc.HasPath("nothing"));
        Assert.Throws<ArgumentException>(() => Doc.HasPath("a..b"));
    }

    [Fact]
    public void Windows_line_endings_count_lines_like_unix_ones()
    {
        var error = Assert.Throws<HoconException>(() => HoconDocument.Parse("a = 1\r\nb = 2\r\nc = @\r\n"));

        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal(2, HoconDocument.Parse("a = 1\r\nb = 2\r\n").GetInt("b"));
    }
}
