namespace AkkaRpc.Config.Tests;

public sealed class IncludeTests
{
    [Fact]
    public void Include_merges_the_included_fields_where_the_statement_is()
    {
        using var dir = new TempDirectory();
        dir.Write("base.conf", "a = 1\nb { x = 1 }");
        string main = dir.Write("main.conf", "a = 0\ninclude \"base.conf\"\nb { y = 2 }\nc = ${a}");

        var doc = HoconDocument.Load(main);

        Assert.Equal(1, doc.GetInt("a"));
        Assert.Equal(1, doc.GetInt("b.x"));
        Assert.Equal(2, doc.GetInt("b.y"));
        Assert.Equal(1, doc.GetInt("c"));
        Assert.Equal(2, doc.Files.Count);
    }

    [Fact]
    public void Include_is_relative_to_the_including_file_not_the_current_directory()
    {
        using var dir = new TempDirectory();
        dir.Write("conf/shared/common.conf", "include \"../../leaf.conf\"\ncommon = yes");
        dir.Write("leaf.conf", "leaf = 1");
        string main = dir.Write("conf/main.conf", "include \"shared/common.conf\"");

        var doc = HoconDocument.Load(main);

        Assert.True(doc.GetBoolean("common"));
        Assert.Equal(1, doc.GetInt("leaf"));
    }

    [Fact]
    public void Include_file_and_required_forms_are_accepted()
    {
        using var dir = new TempDirectory();
        dir.Write("a.conf", "a = 1");
        dir.Write("b.conf", "b = 2");
        dir.Write("c.conf", "c = 3");
        string main = dir.Write("main.conf", "include file(\"a.conf\")\ninclude required(\"b.conf\")\ninclude required(file(\"c.conf\"))");

        var doc = HoconDocument.Load(main);

        Assert.Equal(1, doc.GetInt("a"));
        Assert.Equal(2, doc.GetInt("b"));
        Assert.Equal(3, doc.GetInt("c"));
    }

    [Fact]
    public void Name_without_extension_finds_the_conf_file()
    {
        using var dir = new TempDirectory();
        dir.Write("defaults.conf", "d = 4");
        string main = dir.Write("main.conf", "include \"defaults\"");

        Assert.Equal(4, HoconDocument.Load(main).GetInt("d"));
    }

    [Fact]
    public void Missing_include_is_ignored_but_missing_required_include_is_an_error()
    {
        using var dir = new TempDirectory();
        string lenient = dir.Write("lenient.conf", "include \"nope.conf\"\na = 1");
        string strict = dir.Write("strict.conf", "a = 1\ninclude required(\"nope.conf\")");

        Assert.Equal(1, HoconDocument.Load(lenient).GetInt("a"));
        var error = Assert.Throws<HoconException>(() => HoconDocument.Load(strict));
        Assert.Equal(strict, error.FileName);
        Assert.Equal(2, error.Line);
        Assert.Equal(18, error.Column);
        Assert.Contains("required include \"nope.conf\" was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_inside_an_object_fixes_up_substitutions_to_the_include_point()
    {
        // The specification's example: ${x} in foo.conf included at key a means ${a.x}, so a later a.x wins.
        using var dir = new TempDirectory();
        dir.Write("foo.conf", "{ x : 10, y : ${x}, z : ${top} }");
        string main = dir.Write("main.conf", "top = root-value\na : { include \"foo.conf\" }\na : { x : 42 }");

        var doc = HoconDocument.Load(main);

        Assert.Equal(42, doc.GetInt("a.y"));
        Assert.Equal("root-value", doc.GetString("a.z"));
    }

    [Fact]
    public void Include_cycle_is_an_error_at_the_include_that_closes_it()
    {
        using var dir = new TempDirectory();
        string a = dir.Write("a.conf", "x = 1\ninclude \"b.conf\"");
        string b = dir.Write("b.conf", "y = 2\n  include \"a.conf\"");

        var error = Assert.Throws<HoconException>(() => HoconDocument.Load(a));

        Assert.Equal(b, error.FileName);
        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("include cycle: a.conf -> b.conf -> a.conf", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{b}:2:3: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_in_included_file_names_that_file()
    {
        using var dir = new TempDirectory();
        string bad = dir.Write("bad.conf", "ok = 1\nbroken = [1, 2");
        string main = dir.Write("main.conf", "include \"bad.conf\"");

        var error = Assert.Throws<HoconException>(() => HoconDocument.Load(main));

        Assert.Equal(bad, error.FileName);
        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
    }

    [Fact]
    public void Include_argument_may_follow_on_the_next_line()
    {
        using var dir = new TempDirectory();
        dir.Write("next.conf", "n = 1");
        string main = dir.Write("main.conf", "include\n  \"next.conf\"\nafter = 2");

        var doc = HoconDocument.Load(main);

        Assert.Equal(1, doc.GetInt("n"));
        Assert.Equal(2, doc.GetInt("after"));
    }

    [Fact]
    public void Included_file_can_extend_a_value_of_the_including_file_by_self_reference()
    {
        using var dir = new TempDirectory();
        dir.Write("more.conf", "path = ${path}\":/usr/bin\"\nnested { list += b }");
        dir.Write("list.conf", "list += b");
        string main = dir.Write("main.conf", "path = /bin\nnested.list = [a]\ninclude \"more.conf\"\nlist = [a]\nsub { include \"list.conf\" }");

        var doc = HoconDocument.Load(main);

        Assert.Equal("/bin:/usr/bin", doc.GetString("path"));
        Assert.Equal(["a", "b"], doc.GetStringList("nested.list"));

        // Inside sub, list has no earlier value; the root's list is not taken for it.
        Assert.Equal(["b"], doc.GetStringList("sub.list"));
        Assert.Equal(["a"], doc.GetStringList("list"));
    }

    [Fact]
    public void File_including_itself_is_a_cycle()
    {
        using var dir = new TempDirectory();
        string self = dir.Write("self.conf", "include \"self.conf\"");

        var error = Assert.Throws<HoconException>(() => HoconDocument.Load(self));

        Assert.Equal(1, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("include cycle: self.conf -> self.conf", error.Message, StringComparison.Ordinal);
    }
}
