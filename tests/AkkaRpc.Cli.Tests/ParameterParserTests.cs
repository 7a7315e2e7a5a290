using AkkaRpc.Cli.Commands;
using AkkaRpc.Protocol;

namespace AkkaRpc.Cli.Tests;

public sealed class ParameterParserTests
{
    [Fact]
    public void Values_AreTypedByHowTheyRead_OrByAnExplicitType()
    {
        var parameters = ParameterParser.Parse(["id=7", "price=2.5", "name=widget", "code:text=007", "n:int=-3", "r:real=1e3", "b:blob=0aff", "gone:null", "$dollar=x", "eq=a=b"]);

        Assert.Equal(["id", "price", "name", "code", "n", "r", "b", "gone", "dollar", "eq"], parameters.Names!);
        Assert.Equal(
            [7L, 2.5, "widget", "007", -3L, 1000.0, new byte[] { 0x0a, 0xff }, SqlValue.Null, "x", "a=b"],
            parameters.Values);
    }

    [Theory]
    [InlineData("novalue", "name=value")]
    [InlineData("=7", "name=value")]
    [InlineData("n:int=seven", "not an integer")]
    [InlineData("n:real=x", "not a real number")]
    [InlineData("b:blob=xyz", "not hex digits")]
    [InlineData("n:date=2020", "unknown type 'date'")]
    public void AMalformedParameter_SaysWhatIsExpected(string item, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterParser.Parse([item]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(item, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameNameTwice_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterParser.Parse(["a=1", "a=2"]));

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }
}
