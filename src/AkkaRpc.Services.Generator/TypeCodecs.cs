using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace AkkaRpc.Services.Generator;

/// <summary>
/// Writes the code that puts one parameter or result type on the wire and reads it back, as static helper methods
/// over AkkaRpc's WireWriter and WireReader: no reflection, so it runs the same under NativeAOT.
/// </summary>
internal sealed class TypeCodecs
{
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly Dictionary<string, int> _helpers = new();
    private readonly StringBuilder _code = new();

    /// <summary>Gets the helper methods written so far.</summary>
    public string Helpers => _code.ToString();

    /// <summary>Why <paramref name="type"/> cannot be serialised, or null if it can.</summary>
    public static string? Unsupported(ITypeSymbol type) => Unsupported(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    /// <summary>A statement writing <paramref name="expr"/> (of <paramref name="type"/>) to <c>w</c>.</summary>
    public string Write(ITypeSymbol type, string expr)
    {
        if (Primitive(type) is { } p)
        {
            return string.Format(p.Write, expr) + ";";
        }

        var n = Helper(type);
        return $"W{n}(ref w, {expr});";
    }

    /// <summary>An expression reading a <paramref name="type"/> from <c>r</c>.</summary>
    public string Read(ITypeSymbol type)
    {
        if (Primitive(type) is { } p)
        {
            return p.Read;
        }

        return $"R{Helper(type)}(ref r)";
    }

    private static string? Unsupported(ITypeSymbol type, HashSet<ITypeSymbol> visiting)
    {
        if (Primitive(type) is not null)
        {
            return null;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.Rank != 1 ? "only one-dimensional arrays are supported" : Unsupported(array.ElementType, visiting);
        }

        if (type is not INamedTypeSymbol named)
        {
            return "it is not a concrete type";
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            return null;
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return Unsupported(named.TypeArguments[0], visiting);
        }

        if (ListKind(named) is not null)
        {
            return Unsupported(named.TypeArguments[0], visiting);
        }

        if (named.IsRecord)
        {
            if (!visiting.Add(named))
            {
                return null;
            }

            if (named.IsAbstract || named.IsGenericType)
            {
                return "abstract and generic records are not supported (nothing on the wire names a type)";
            }

            if (PrimaryConstructor(named) is not { } ctor)
            {
                return "a record needs a public constructor whose parameters are its properties (a positional record)";
            }

            foreach (var parameter in ctor.Parameters)
            {
                if (Unsupported(parameter.Type, visiting) is { } why)
                {
                    return $"its member {parameter.Name} has type {parameter.Type.ToDisplayString()}, and {why}";
                }
            }

            return null;
        }

        return named.TypeKind switch
        {
            TypeKind.Interface => "interfaces other than the list interfaces are not supported",
            TypeKind.Class => "classes other than records are not supported (make it a positional record)",
            TypeKind.Struct => "structs other than record structs are not supported (make it a positional record struct)",
            _ => "it is not a supported kind of type",
        };
    }

    /// <summary>The public constructor whose parameters each match a property by name.</summary>
    public static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol record)
    {
        var properties = new HashSet<string>(record.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic).Select(p => p.Name.ToUpperInvariant()));
        return record.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length > 0)
            .Where(c => !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, record)))
            .Where(c => c.Parameters.All(p => properties.Contains(p.Name.ToUpperInvariant())))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault()
            ?? (record.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 0) && !record.GetMembers().OfType<IPropertySymbol>().Any(p => !p.IsStatic && p.Name != "EqualityContract")
                ? record.InstanceConstructors.First(c => c.Parameters.Length == 0)
                : null);
    }

    private static string? ListKind(INamedTypeSymbol named)
    {
        if (!named.IsGenericType || named.TypeArguments.Length != 1)
        {
            return null;
        }

        var name = named.OriginalDefinition.ToDisplayString();
        return name switch
        {
            "System.Collections.Generic.List<T>" => "List",
            "System.Collections.Generic.IList<T>" or "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.ICollection<T>"
                or "System.Collections.Generic.IReadOnlyCollection<T>" or "System.Collections.Generic.IEnumerable<T>" => "List",
            _ => null,
        };
    }

    private static (string Write, string Read)? Primitive(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return ("w.WriteBool({0})", "r.ReadBool()");
            case SpecialType.System_Byte: return ("w.WriteByte({0})", "r.ReadByte()");
            case SpecialType.System_SByte: return ("w.WriteVarInt32({0})", "checked((sbyte)r.ReadVarInt32())");
            case SpecialType.System_Int16: return ("w.WriteVarInt32({0})", "checked((short)r.ReadVarInt32())");
            case SpecialType.System_UInt16: return ("w.WriteVarUInt32({0})", "checked((ushort)r.ReadVarUInt32())");
            case SpecialType.System_Int32: return ("w.WriteVarInt32({0})", "r.ReadVarInt32()");
            case SpecialType.System_UInt32: return ("w.WriteVarUInt32({0})", "r.ReadVarUInt32()");
            case SpecialType.System_Int64: return ("w.WriteVarInt64({0})", "r.ReadVarInt64()");
            case SpecialType.System_UInt64: return ("w.WriteVarUInt64({0})", "r.ReadVarUInt64()");
            case SpecialType.System_Single: return ("w.WriteDouble({0})", "(float)r.ReadDouble()");
            case SpecialType.System_Double: return ("w.WriteDouble({0})", "r.ReadDouble()");
            case SpecialType.System_Decimal: return ("global::AkkaRpc.Services.Serialization.ServiceWire.WriteDecimal(ref w, {0})", "global::AkkaRpc.Services.Serialization.ServiceWire.ReadDecimal(ref r)");
            case SpecialType.System_Char: return ("w.WriteVarUInt32({0})", "checked((char)r.ReadVarUInt32())");
            case SpecialType.System_DateTime: return ("global::AkkaRpc.Services.Serialization.ServiceWire.WriteDateTime(ref w, {0})", "global::AkkaRpc.Services.Serialization.ServiceWire.ReadDateTime(ref r)");
            case SpecialType.System_String:
                return type.NullableAnnotation == NullableAnnotation.Annotated
                    ? ("w.WriteString({0})", "r.ReadString()")
                    : ("w.WriteString({0})", "global::AkkaRpc.Services.Serialization.ServiceWire.ReadRequiredString(ref r)");
        }

        switch (type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
        {
            case "global::System.Guid": return ("global::AkkaRpc.Services.Serialization.ServiceWire.WriteGuid(ref w, {0})", "global::AkkaRpc.Services.Serialization.ServiceWire.ReadGuid(ref r)");
            case "global::System.TimeSpan": return ("w.WriteTimeSpan({0})", "r.ReadTimeSpan()");
            case "global::System.DateTimeOffset": return ("global::AkkaRpc.Services.Serialization.ServiceWire.WriteDateTimeOffset(ref w, {0})", "global::AkkaRpc.Services.Serialization.ServiceWire.ReadDateTimeOffset(ref r)");
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } e)
        {
            var name = e.ToDisplayString(TypeFormat);
            return ("w.WriteVarInt64(unchecked((long){0}))", $"unchecked(({name})r.ReadVarInt64())");
        }

        return null;
    }

    private int Helper(ITypeSymbol type)
    {
        var name = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat);
        if (_helpers.TryGetValue(name, out var n))
        {
            return n;
        }

        n = _helpers.Count + 1;
        _helpers.Add(name, n);
        var write = new StringBuilder();
        var read = new StringBuilder();
        var nullable = type.IsReferenceType;
        if (nullable)
        {
            write.AppendLine("            if (v is null) { w.WriteBool(false); return; }");
            write.AppendLine("            w.WriteBool(true);");
            read.AppendLine("            if (!r.ReadBool()) { return null; }");
        }

        switch (type)
        {
            case IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }:
                write.AppendLine("            w.WriteBytes(v);");
                read.AppendLine("            return r.ReadBytes();");
                break;
            case IArrayTypeSymbol array:
                write.AppendLine("            w.WriteCount(v.Length);");
                write.AppendLine("            foreach (var item in v) { " + Write(array.ElementType, "item") + " }");
                read.AppendLine("            var items = new " + ArrayOf(array.ElementType) + ";");
                read.AppendLine("            for (var i = 0; i < items.Length; i++) { items[i] = " + Read(array.ElementType) + "; }");
                read.AppendLine("            return items;");
                break;
            case INamedTypeSymbol named when named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T:
                write.AppendLine("            if (!v.HasValue) { w.WriteBool(false); return; }");
                write.AppendLine("            w.WriteBool(true);");
                write.AppendLine("            " + Write(named.TypeArguments[0], "v.Value"));
                read.AppendLine("            if (!r.ReadBool()) { return null; }");
                read.AppendLine("            return " + Read(named.TypeArguments[0]) + ";");
                break;
            case INamedTypeSymbol named when ListKind(named) is not null:
                var element = named.TypeArguments[0];
                var elementName = element.ToDisplayString(TypeFormat);
                write.AppendLine($"            var list = v as global::System.Collections.Generic.ICollection<{elementName}> ?? global::System.Linq.Enumerable.ToList(v);");
                write.AppendLine("            w.WriteCount(list.Count);");
                write.AppendLine("            foreach (var item in list) { " + Write(element, "item") + " }");
                read.AppendLine("            var count = r.ReadCount();");
                read.AppendLine($"            var items = new global::System.Collections.Generic.List<{elementName}>(count);");
                read.AppendLine("            for (var i = 0; i < count; i++) { items.Add(" + Read(element) + "); }");
                read.AppendLine("            return items;");
                break;
            case INamedTypeSymbol record:
                var ctor = PrimaryConstructor(record)!;
                var properties = record.GetMembers().OfType<IPropertySymbol>().ToList();
                var args = new List<string>();
                foreach (var parameter in ctor.Parameters)
                {
                    var property = properties.First(p => string.Equals(p.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase));
                    write.AppendLine("            " + Write(parameter.Type, "v." + property.Name));
                    args.Add(Read(parameter.Type));
                }

                read.AppendLine($"            return new {name}({string.Join(", ", args)});");
                break;
        }

        var returnType = nullable ? name : name;
        _code.AppendLine($"        private static void W{n}(ref global::AkkaRpc.Protocol.Serialization.WireWriter w, {name} v)");
        _code.AppendLine("        {");
        _code.Append(write);
        _code.AppendLine("        }");
        _code.AppendLine();
        _code.AppendLine($"        private static {returnType} R{n}(ref global::AkkaRpc.Protocol.Serialization.WireReader r)");
        _code.AppendLine("        {");
        _code.Append(read);
        _code.AppendLine("        }");
        _code.AppendLine();
        return n;
    }

    // "new T[r.ReadCount()]", with the count inside the first brackets of a jagged array type.
    private static string ArrayOf(ITypeSymbol element)
    {
        var name = element.ToDisplayString(TypeFormat);
        var bracket = name.IndexOf('[');
        return bracket < 0 ? name + "[r.ReadCount()]" : name.Substring(0, bracket) + "[r.ReadCount()]" + name.Substring(bracket);
    }
}
