using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AkkaRpc.Services.Generator.Tests;

/// <summary>The generator run by Roslyn's CSharpGeneratorDriver over small sources: what it emits compiles, and what it cannot serialise is an error naming the member and type.</summary>
public sealed class ServiceGeneratorTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using AkkaRpc.Services;

        """;

    [Fact]
    public void A_service_of_supported_types_generates_code_that_compiles()
    {
        var (diagnostics, output) = Run(Usings + """
            namespace Shop;

            public enum Size { Small, Large }
            public sealed record Item(string Name, int Count, Size Size, decimal? Price, Guid Id, DateTimeOffset At, TimeSpan Ttl);
            public sealed record Order(long Id, IReadOnlyList<Item> Items, Order? Previous, byte[] Blob, double[][] Grid, List<char> Marks);
            public sealed class OutOfStockException(string message) : Exception(message);

            [AkkaRpcService(7500)]
            [Throws(typeof(OutOfStockException))]
            public interface IShop
            {
                Task<Order> PlaceAsync(Order order, CancellationToken cancellationToken = default);
                Task<int?> CountAsync(string? name, bool exact, float ratio, ushort page);
                Task<IEnumerable<Size>> SizesAsync();
                [Notification] Task LogAsync(string line);
                Task ClearAsync(CancellationToken cancellationToken);
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var generated = Assert.Single(output.SyntaxTrees, t => t.FilePath.EndsWith("Shop.IShop.AkkaRpc.g.cs", StringComparison.Ordinal)).ToString();
        Assert.DoesNotContain("System.Reflection", generated, StringComparison.Ordinal);
        Assert.Contains("public const int SerializerId = 7500;", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_type_it_cannot_serialise_is_an_error_naming_member_and_type()
    {
        var (diagnostics, _) = Run(Usings + """
            public sealed class Widget { public int Size { get; set; } }

            [AkkaRpcService(7500)]
            public interface IWidgets
            {
                Task<string> NameAsync(Widget widget);
                Task<string> OkAsync(string name);
            }
            """);

        var error = Assert.Single(diagnostics);
        Assert.Equal("ARPC001", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("The parameter 'widget' of IWidgets.NameAsync has type Widget", message, StringComparison.Ordinal);
        Assert.Contains("classes other than records are not supported", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_type_nested_in_a_record_is_checked_too()
    {
        var (diagnostics, _) = Run(Usings + """
            public sealed record Box(string Label, Dictionary<string, int> Counts);

            [AkkaRpcService(7500)]
            public interface IBoxes
            {
                Task<Box> GetAsync(int id);
            }
            """);

        var error = Assert.Single(diagnostics);
        Assert.Equal("ARPC001", error.Id);
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("The result of IBoxes.GetAsync has type Box", message, StringComparison.Ordinal);
        Assert.Contains("its member Counts has type System.Collections.Generic.Dictionary<string, int>", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string Name();", "ARPC002", "returns string")]
    [InlineData("[Notification] Task<int> CountAsync();", "ARPC002", "cannot return a result")]
    [InlineData("Task<T> GetAsync<T>();", "ARPC002", "generic methods")]
    [InlineData("Task SetAsync(ref int value);", "ARPC002", "ref, out, in or params")]
    [InlineData("Task RunAsync(CancellationToken cancellationToken, int value);", "ARPC002", "must be the last parameter")]
    [InlineData("string Name { get; }", "ARPC003", "is not a method")]
    public void Methods_a_service_cannot_have_are_errors(string member, string id, string says)
    {
        var (diagnostics, _) = Run(Usings + $$"""
            [AkkaRpcService(7500)]
            public interface IBad
            {
                {{member}}
            }
            """);

        var error = Assert.Single(diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Contains(says, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7304)]
    [InlineData(12)]
    public void A_reserved_serializer_id_is_an_error(int id)
    {
        var (diagnostics, _) = Run(Usings + $$"""
            [AkkaRpcService({{id}})]
            public interface IBad { Task PingAsync(); }
            """);

        Assert.Equal("ARPC004", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Two_services_with_one_serializer_id_are_an_error()
    {
        var (diagnostics, _) = Run(Usings + """
            [AkkaRpcService(7500)] public interface IOne { Task PingAsync(); }
            [AkkaRpcService(7500)] public interface ITwo { Task PingAsync(); }
            """);

        Assert.Equal("ARPC006", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void A_declared_exception_without_a_message_constructor_is_an_error()
    {
        var (diagnostics, _) = Run(Usings + """
            public sealed class Odd : Exception { public Odd(int code) { } }
            [AkkaRpcService(7500)]
            [Throws(typeof(Odd))]
            public interface IOdd { Task PingAsync(); }
            """);

        var error = Assert.Single(diagnostics);
        Assert.Equal("ARPC005", error.Id);
        Assert.Contains("no public constructor taking the message", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static (ImmutableArray<Diagnostic> Diagnostics, Compilation Output) Run(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Generated",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new ServiceGenerator());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (diagnostics, output);
    }

    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Concat([typeof(ServiceProxy).Assembly.Location, typeof(AkkaRpc.Protocol.Serialization.WireSerializer).Assembly.Location, typeof(Akka.Actor.ActorSystem).Assembly.Location])
        .Distinct()
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();
}
