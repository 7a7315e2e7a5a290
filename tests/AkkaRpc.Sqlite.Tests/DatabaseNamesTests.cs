namespace AkkaRpc.Sqlite.Tests;

public sealed class DatabaseNamesTests
{
    [Theory]
    [InlineData("orders")]
    [InlineData("Orders_2024-01")]
    [InlineData("a.b")]
    [InlineData("x")]
    public void Valid_names_resolve_to_a_db_file_directly_in_the_data_directory(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "data");
        var path = DatabaseNames.ResolvePath(directory, name);
        Assert.Equal(Path.Combine(Path.GetFullPath(directory), name + ".db"), path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData(".hidden")]
    [InlineData("a..b")]
    [InlineData("x\0y")]
    [InlineData("C:\\x")]
    [InlineData("C:x")]
    [InlineData("space name")]
    [InlineData("ünïcode")]
    [InlineData("/etc/passwd")]
    public void Invalid_names_and_traversal_attempts_are_rejected_with_a_reason(string name)
    {
        Assert.False(DatabaseNames.IsValid(name, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
        var error = Assert.Throws<ArgumentException>(() => DatabaseNames.ResolvePath(Path.GetTempPath(), name));
        Assert.Contains("not a valid database name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_over_128_characters_are_rejected()
    {
        Assert.True(DatabaseNames.IsValid(new string('a', 128), out _));
        Assert.False(DatabaseNames.IsValid(new string('a', 200), out var reason));
        Assert.Contains("200", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_name_is_rejected()
    {
        Assert.False(DatabaseNames.IsValid(null, out _));
    }
}
