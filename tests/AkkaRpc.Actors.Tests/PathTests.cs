using AkkaRpc.Actors;

namespace AkkaRpc.Actors.Tests;

public sealed class PathTests
{
    [Theory]
    [InlineData("a-b_c")]
    [InlineData("%20")]
    [InlineData("abc%2Fdef")]
    [InlineData("a.b*c+d:e@f&g=h,i!j~k';l\"m")]
    [InlineData("0")]
    public void IsValidPathElement_AcceptsAkkasCharacters(string element) => Assert.True(ActorPath.IsValidPathElement(element));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("$a")]
    [InlineData("a/b")]
    [InlineData("a b")]
    [InlineData("%zz")]
    [InlineData("%2")]
    [InlineData("a%")]
    [InlineData("ä")]
    [InlineData("a#b")]
    public void IsValidPathElement_RejectsTheRest(string? element) => Assert.False(ActorPath.IsValidPathElement(element));

    [Fact]
    public void Parse_ALocalPath()
    {
        var path = ActorPath.Parse("akkarpc://S/user/a");
        Assert.Equal(new Address("akkarpc", "S"), path.Address);
        Assert.Equal(["user", "a"], path.Elements);
        Assert.Equal("a", path.Name);
        Assert.Equal("akkarpc://S/user/a", path.ToString());
        Assert.Equal("/user/a", path.ToStringWithoutAddress());
    }

    [Fact]
    public void Parse_ATcpPath()
    {
        var path = ActorPath.Parse("akkarpc.tcp://S@127.0.0.1:4053/user/a");
        Assert.Equal(new Address("akkarpc.tcp", "S", "127.0.0.1", 4053), path.Address);
        Assert.Equal(["user", "a"], path.Elements);
        Assert.Equal("akkarpc.tcp://S@127.0.0.1:4053/user/a", path.ToString());
    }

    [Fact]
    public void Parse_AnIpv6TcpPath()
    {
        var path = ActorPath.Parse("akkarpc.tcp://S@[::1]:4053/user/a");
        Assert.Equal("::1", path.Address.Host);
        Assert.Equal("akkarpc.tcp://S@[::1]:4053/user/a", path.ToString());
    }

    [Fact]
    public void Parse_AUnixSocketPath()
    {
        var path = ActorPath.Parse("akkarpc.unix://S@/tmp/x.sock/user/a");
        Assert.Equal(new Address("akkarpc.unix", "S", "/tmp/x.sock"), path.Address);
        Assert.Equal(["user", "a"], path.Elements);
        Assert.Equal("akkarpc.unix://S@/tmp/x.sock/user/a", path.ToString());
    }

    [Fact]
    public void Parse_TheRootOfASystem()
    {
        var path = ActorPath.Parse("akkarpc://S");
        Assert.Empty(path.Elements);
        Assert.Equal("/", path.Name);
        Assert.Same(path, path.Parent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/user/a")]
    [InlineData("user/a")]
    [InlineData("akka://S/user/a")]
    [InlineData("http://S/user/a")]
    [InlineData("akkarpc://")]
    [InlineData("akkarpc:///user/a")]
    [InlineData("akkarpc://S/user/a b")]
    [InlineData("akkarpc://S/user/%zz")]
    [InlineData("akkarpc.tcp://S@127.0.0.1/user/a")]
    [InlineData("akkarpc.tcp://S@127.0.0.1:99999/user/a")]
    [InlineData("akkarpc.tcp://S@:4053/user/a")]
    [InlineData("akkarpc.tcp://@127.0.0.1:4053/user/a")]
    public void TryParse_RejectsMalformedText(string? text)
    {
        Assert.False(ActorPath.TryParse(text, out var path));
        Assert.Null(path);
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => ActorPath.Parse(text));
        }
    }

    [Fact]
    public void Paths_CompareByAddressAndElements_NotByUid()
    {
        var a = ActorPath.Parse("akkarpc://S/user/a");
        var b = ActorPath.Parse("akkarpc://S/user/a");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a, a.WithUid(42));
        Assert.NotEqual(a, ActorPath.Parse("akkarpc://T/user/a"));
        Assert.Equal(ActorPath.Parse("akkarpc://S/user/a/b"), a / "b");
        Assert.Equal(a, (a / "b").Parent);
    }
}
