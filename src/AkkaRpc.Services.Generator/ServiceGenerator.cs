using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AkkaRpc.Services.Generator;

/// <summary>
/// For each interface marked <c>[AkkaRpcService(id)]</c>: a proxy, a dispatcher and an Akka serializer (manifests are
/// method ids), registered by a module initializer; or a compile-time error naming the member and type it cannot serialise.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ServiceGenerator : IIncrementalGenerator
{
    private const string AttributeName = "AkkaRpc.Services.AkkaRpcServiceAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var services = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeName,
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax,
            static (ctx, ct) => ServiceEmitter.Emit((INamedTypeSymbol)ctx.TargetSymbol, ctx.SemanticModel.Compilation, ct));

        context.RegisterSourceOutput(services.Collect(), static (spc, results) =>
        {
            var ids = new Dictionary<int, string>();
            foreach (var result in results)
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic);
                }

                if (result.SerializerId is { } id)
                {
                    if (ids.TryGetValue(id, out var other))
                    {
                        spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.DuplicateSerializerId, result.Location, other, result.InterfaceName, id));
                    }
                    else
                    {
                        ids.Add(id, result.InterfaceName);
                    }
                }

                if (result.Source is { } source)
                {
                    spc.AddSource(result.HintName, source);
                }
            }
        });
    }
}

/// <summary>What the generator made of one interface: its source, or the errors that stop it.</summary>
internal sealed class EmitResult(string interfaceName, string hintName, string? source, int? serializerId, Location? location, ImmutableArray<Diagnostic> diagnostics)
{
    public string InterfaceName { get; } = interfaceName;

    public string HintName { get; } = hintName;

    public string? Source { get; } = source;

    public int? SerializerId { get; } = serializerId;

    public Location? Location { get; } = location;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;
}
