using Microsoft.CodeAnalysis;

namespace AkkaRpc.Services.Generator;

/// <summary>The compile-time errors of the services generator.</summary>
internal static class Diagnostics
{
    private const string Category = "AkkaRpc.Services";

    /// <summary>A parameter or result type the generator cannot serialise.</summary>
    public static readonly DiagnosticDescriptor UnsupportedType = new(
        "ARPC001",
        "Type cannot be serialised",
        "{0} of {1}.{2} has type {3}, which AkkaRpc cannot serialise: {4}. Use records, primitives, strings, byte[], arrays or lists, enums and nullable of these.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A method whose shape a service cannot have.</summary>
    public static readonly DiagnosticDescriptor UnsupportedMethod = new(
        "ARPC002",
        "Method cannot be a service method",
        "{0}.{1} cannot be a service method: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A member that is not a method.</summary>
    public static readonly DiagnosticDescriptor UnsupportedMember = new(
        "ARPC003",
        "Service interfaces have only methods",
        "{0}.{1} is not a method: a service interface may declare only methods returning Task or Task<T>",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A serializer id that is reserved or out of range.</summary>
    public static readonly DiagnosticDescriptor BadSerializerId = new(
        "ARPC004",
        "Serializer id not allowed",
        "{0} has serializer id {1}: use a fixed id of 100 or more that is not AkkaRpc's own (7301-7309)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>A declared exception the proxy cannot recreate.</summary>
    public static readonly DiagnosticDescriptor BadDeclaredException = new(
        "ARPC005",
        "Declared exception cannot be recreated",
        "{0} declares [Throws(typeof({1}))], but {1} {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Two services in one compilation with the same serializer id.</summary>
    public static readonly DiagnosticDescriptor DuplicateSerializerId = new(
        "ARPC006",
        "Serializer id used twice",
        "{0} and {1} both have serializer id {2}: each service interface needs its own",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
