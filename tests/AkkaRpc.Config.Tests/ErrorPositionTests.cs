namespace AkkaRpc.Config.Tests;

public sealed class ErrorPositionTests
{
    [Theory]
    [InlineData("a {\n  b = 1\n", 1, 3, "unclosed '{'")]
    [InlineData("a = 1\nb = @x\n", 2, 5, "unexpected character '@'")]
    [InlineData("a = 1\nb = \"abc\nc = 2", 2, 5, "unterminated string")]
    [InlineData("a = \"\"\"never closed\n", 1, 5, "unterminated multi-line string")]
    [InlineData("a = [1, 2\n", 1, 5, "unclosed '['")]
    [InlineData("a = 1 }", 1, 7, "unexpected '}'")]
    [InlineData("a = 1\nb c\n", 2, 4, "expected ':', '=', '+=' or '{' after key '\"b c\"'")]
    [InlineData("a = \n", 2, 1, "expected a value, found end of input")]
    [InlineData("a = ${b\n", 1, 5, "unterminated substitution")]
    [InlineData("a = \"\\q\"", 1, 6, "invalid escape")]
    [InlineData("a = [1,, 2]", 1, 8, "unexpected ','")]
    [InlineData("a..b = 1", 1, 1, "empty part")]
    [InlineData("{ a = 1 } b = 2", 1, 11, "expected end of input")]
    [InlineData("a = 1 b = 2", 1, 9, "expected ',' or a new line")]
    [InlineData("x = 1\n  a = x ${nope.nope}\n", 2, 9, "could not resolve substitution ${nope.nope}")]
    public void Malformed_input_reports_the_exact_line_and_column(string text, int line, int column, string message)
    {
        var error = Assert.Throws<HoconException>(() => HoconDocument.Parse(text));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Null(error.FileName);
        Assert.StartsWith($"<string>:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_message_names_the_file()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("broken.conf", "akkarpc {\n  remote {\n    port = 1\n  }\n");

        var error = Assert.Throws<HoconException>(() => HoconDocument.Load(file));

        Assert.Equal(file, error.FileName);
        Assert.Equal(1, error.Line);
        Assert.Equal(9, error.Column);
        Assert.StartsWith($"{file}:1:9: unclosed '{{'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_from_a_getter_names_the_path_and_where_the_value_was_written()
    {
        var doc = HoconDocument.Parse("a {\n  port = eighty\n}");

        var error = Assert.Throws<HoconException>(() => doc.GetInt("a.port"));

        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
        Assert.Contains("'a.port' should be a 32-bit integer, but is string 'eighty'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_path_from_a_getter_is_an_error_naming_the_path()
    {
        var doc = HoconDocument.Parse("a = 1");

        var error = Assert.Throws<HoconException>(() => doc.GetString("a.b"));

        Assert.Contains("'a.b' is missing", error.Message, StringComparison.Ordinal);
    }
}
