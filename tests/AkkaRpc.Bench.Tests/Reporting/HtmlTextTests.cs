using AkkaRpc.Bench.Reporting.Html;

namespace AkkaRpc.Bench.Tests.Reporting;

public sealed class HtmlTextTests
{
    [Fact]
    public void Escape_ReplacesEveryMarkupCharacter()
        => Assert.Equal("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;", HtmlText.Escape("<script>alert(\"x\" & 'y')</script>"));

    [Fact]
    public void Escape_LeavesPlainAndNonAsciiTextAlone()
    {
        const string text = "AkkaRpc TCP · p99 µs — 1.9× raw socket";

        Assert.Same(text, HtmlText.Escape(text));
    }

    [Fact]
    public void Escape_ReplacesControlCharactersHtmlForbidsButKeepsWhitespace()
        => Assert.Equal("a\uFFFDb\tc\nd\re", HtmlText.Escape("a\u0001b\tc\nd\re"));
}
