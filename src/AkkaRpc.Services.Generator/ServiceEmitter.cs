using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AkkaRpc.Services.Generator;

/// <summary>Writes the generated code of one service interface, or the diagnostics that stop it.</summary>
internal static class ServiceEmitter
{
    private const string Ns = "global::AkkaRpc.Services";

    public static EmitResult Emit(INamedTypeSymbol service, Compilation compilation, CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var interfaceName = service.ToDisplayString();
        var hintName = interfaceName.Replace('<', '_').Replace('>', '_').Replace(',', '_') + ".AkkaRpc.g.cs";
        var location = service.Locations.FirstOrDefault();
        var attribute = service.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == "AkkaRpc.Services.AkkaRpcServiceAttribute");
        var serializerId = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int id ? id : 0;
        if (serializerId < 100 || serializerId is >= 7301 and <= 7309)
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.BadSerializerId, location, interfaceName, serializerId));
        }

        if (service.IsGenericType)
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedMember, location, interfaceName, "<type parameters>"));
        }

        var methods = new List<MethodModel>();
        foreach (var member in service.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary } method when !method.IsStatic:
                    if (Analyze(service, method, methods.Count + 1, diagnostics) is { } model)
                    {
                        methods.Add(model);
                    }

                    break;
                case IMethodSymbol:
                    break;
                default:
                    if (!member.IsStatic)
                    {
                        diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedMember, member.Locations.FirstOrDefault() ?? location, interfaceName, member.Name));
                    }

                    break;
            }
        }

        var declared = new List<string>();
        var exception = compilation.GetTypeByMetadataName("System.Exception");
        foreach (var throws in service.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == "AkkaRpc.Services.ThrowsAttribute"))
        {
            if (throws.ConstructorArguments.FirstOrDefault().Value is not INamedTypeSymbol type)
            {
                continue;
            }

            var why = !DerivesFrom(type, exception) ? "is not an exception"
                : type.IsAbstract ? "is abstract"
                : !type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String)
                    ? "has no public constructor taking the message (string)"
                    : null;
            if (why is not null)
            {
                diagnostics.Add(Diagnostic.Create(Diagnostics.BadDeclaredException, location, interfaceName, type.ToDisplayString(), why));
                continue;
            }

            declared.Add(type.ToDisplayString(TypeCodecs.TypeFormat));
        }

        if (diagnostics.Count > 0)
        {
            return new EmitResult(interfaceName, hintName, null, serializerId, location, diagnostics.ToImmutable());
        }

        var source = Source(service, serializerId, methods, declared);
        return new EmitResult(interfaceName, hintName, source, serializerId, location, diagnostics.ToImmutable());
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static MethodModel? Analyze(INamedTypeSymbol service, IMethodSymbol method, int methodId, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var where = method.Locations.FirstOrDefault();
        var name = service.Name;
        var ok = true;
        if (method.IsGenericMethod)
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedMethod, where, name, method.Name, "generic methods are not supported (nothing on the wire names a type)"));
            return null;
        }

        var returnType = method.ReturnType as INamedTypeSymbol;
        var returnName = returnType?.OriginalDefinition.ToDisplayString();
        ITypeSymbol? result = null;
        if (returnName == "System.Threading.Tasks.Task<TResult>")
        {
            result = returnType!.TypeArguments[0];
            if (TypeCodecs.Unsupported(result) is { } why)
            {
                diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedType, where, "The result", name, method.Name, result.ToDisplayString(), why));
                ok = false;
            }
        }
        else if (returnName != "System.Threading.Tasks.Task")
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedMethod, where, name, method.Name, $"it returns {method.ReturnType.ToDisplayString()}; a service method returns Task or Task<T>"));
            ok = false;
        }

        var notification = method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "AkkaRpc.Services.NotificationAttribute");
        if (notification && result is not null)
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedMethod, where, name, method.Name, "a [Notification] is one-way and cannot return a result; return Task"));
            ok = false;
        }

        var parameters = new List<IParameterSymbol>();
        var tokenIndex = -1;
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedMethod, where, name, method.Name, $"its parameter {parameter.Name} is ref, out, in or params"));
                ok = false;
                continue;
            }

            if (parameter.Type.ToDisplayString() == "System.Threading.CancellationToken")
            {
                if (i != method.Parameters.Length - 1)
                {
                    diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedMethod, where, name, method.Name, "its CancellationToken must be the last parameter"));
                    ok = false;
                }

                tokenIndex = i;
                continue;
            }

            if (TypeCodecs.Unsupported(parameter.Type) is { } why)
            {
                diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedType, parameter.Locations.FirstOrDefault() ?? where, $"The parameter '{parameter.Name}'", name, method.Name, parameter.Type.ToDisplayString(), why));
                ok = false;
                continue;
            }

            parameters.Add(parameter);
        }

        return ok ? new MethodModel(method, methodId, parameters, result, tokenIndex, notification) : null;
    }

    private static string Source(INamedTypeSymbol service, int serializerId, List<MethodModel> methods, List<string> declared)
    {
        var codecs = new TypeCodecs();
        var iface = service.ToDisplayString(TypeCodecs.TypeFormat);
        var ns = service.ContainingNamespace.IsGlobalNamespace ? null : service.ContainingNamespace.ToDisplayString();
        var holder = service.Name + "AkkaRpc";
        var messages = new StringBuilder();
        var codecClasses = new StringBuilder();
        var registrations = new StringBuilder();
        var types = new List<string>();
        var dispatch = new StringBuilder();
        var proxy = new StringBuilder();
        foreach (var m in methods)
        {
            var fields = string.Join(", ", m.Parameters.Select((p, i) => $"{p.Type.ToDisplayString(TypeCodecs.TypeFormat)} P{i}"));
            messages.AppendLine($"        internal sealed record Call{m.Id}({fields}) : {Ns}.ServiceCall {{ public override int MethodId => {m.Id}; }}");
            types.Add($"typeof(Call{m.Id})");
            var writes = string.Concat(m.Parameters.Select((p, i) => "\n                " + codecs.Write(p.Type, "m.P" + i)));
            var reads = string.Join(", ", m.Parameters.Select(p => codecs.Read(p.Type)));
            codecClasses.AppendLine($$"""
                        private sealed class CallCodec{{m.Id}} : global::AkkaRpc.Protocol.Serialization.MessageCodec<Call{{m.Id}}>
                        {
                            public override void Write(ref global::AkkaRpc.Protocol.Serialization.WireWriter w, Call{{m.Id}} m)
                            {
                                global::AkkaRpc.Services.Serialization.ServiceWire.WriteHeader(ref w, m);{{writes}}
                            }

                            public override Call{{m.Id}} Read(ref global::AkkaRpc.Protocol.Serialization.WireReader r)
                            {
                                var header = global::AkkaRpc.Services.Serialization.ServiceWire.ReadHeader(ref r);
                                return global::AkkaRpc.Services.Serialization.ServiceWire.Attach(new Call{{m.Id}}({{reads}}), header);
                            }
                        }

                """);
            registrations.AppendLine($"                registry.Register({m.Id}, new CallCodec{m.Id}());");

            var args = new List<string>();
            var proxyParams = new List<string>();
            var callArgs = new List<string>();
            var token = "default";
            var k = 0;
            for (var i = 0; i < m.Method.Parameters.Length; i++)
            {
                var p = m.Method.Parameters[i];
                proxyParams.Add($"{p.Type.ToDisplayString(TypeCodecs.TypeFormat)} a{i}");
                if (i == m.TokenIndex)
                {
                    args.Add("cancellationToken");
                    token = $"a{i}";
                }
                else
                {
                    args.Add($"c.P{k++}");
                    callArgs.Add($"a{i}");
                }
            }

            var invoke = $"service.{m.Method.Name}({string.Join(", ", args)})";
            var newCall = $"new Call{m.Id}({string.Join(", ", callArgs)})";
            var signature = $"{iface}.{m.Method.Name}({string.Join(", ", proxyParams)})";
            if (m.Result is { } result)
            {
                var resultType = result.ToDisplayString(TypeCodecs.TypeFormat);
                messages.AppendLine($"        internal sealed record Result{m.Id}({resultType} Value) : {Ns}.ServiceResult;");
                types.Add($"typeof(Result{m.Id})");
                codecClasses.AppendLine($$"""
                            private sealed class ResultCodec{{m.Id}} : global::AkkaRpc.Protocol.Serialization.MessageCodec<Result{{m.Id}}>
                            {
                                public override void Write(ref global::AkkaRpc.Protocol.Serialization.WireWriter w, Result{{m.Id}} m)
                                {
                                    {{codecs.Write(result, "m.Value")}}
                                }

                                public override Result{{m.Id}} Read(ref global::AkkaRpc.Protocol.Serialization.WireReader r) => new Result{{m.Id}}({{codecs.Read(result)}});
                            }

                    """);
                registrations.AppendLine($"                registry.Register({1000 + m.Id}, new ResultCodec{m.Id}());");
                dispatch.AppendLine($"                case Call{m.Id} c: return new Result{m.Id}(await {invoke}.ConfigureAwait(false));");
                // No async method here: the call is the connection's one state machine, the value picked by a static lambda.
                proxy.AppendLine($"            global::System.Threading.Tasks.Task<{resultType}> {signature} =>");
                proxy.AppendLine($"                CallAsync<Result{m.Id}, {resultType}>({newCall}, static r => r.Value, {token});");
            }
            else
            {
                dispatch.AppendLine($"                case Call{m.Id} c: await {invoke}.ConfigureAwait(false); return {Ns}.ServiceDone.Instance;");
                proxy.AppendLine(m.Notification
                    ? $"            global::System.Threading.Tasks.Task {signature} => NotifyAsync({newCall}, {token});"
                    : $"            global::System.Threading.Tasks.Task {signature} => CallAsync<{Ns}.ServiceDone, {Ns}.ServiceDone>({newCall}, static r => r, {token});");
            }

            proxy.AppendLine();
        }

        var declaredIndex = string.Concat(declared.Select((d, i) => $"\n                {d} => {i},"));
        var declaredCreate = string.Concat(declared.Select((d, i) => $"\n                {i} => new {d}(message),"));
        var body = $$"""
            /// <summary>Generated by AkkaRpc.Services.Generator for <see cref="{{iface}}"/>: its proxy, dispatcher and serializer (id {{serializerId}}).</summary>
            [global::System.CodeDom.Compiler.GeneratedCode("AkkaRpc.Services.Generator", "1.0")]
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            internal static class {{holder}}
            {
                /// <summary>The serializer id of the interface's messages.</summary>
                public const int SerializerId = {{serializerId}};

                [global::System.Runtime.CompilerServices.ModuleInitializer]
                internal static void Register() => {{Ns}}.ServiceDescriptors.Register<{{iface}}>(new Descriptor());

            {{messages}}
                private sealed class Descriptor : {{Ns}}.ServiceDescriptor<{{iface}}>
                {
                    private static readonly global::System.Type[] s_types = [{{string.Join(", ", types)}}];

                    public override int SerializerId => {{holder}}.SerializerId;

                    public override global::System.Collections.Generic.IReadOnlyList<global::System.Type> MessageTypes => s_types;

                    public override global::Akka.Serialization.Serializer CreateSerializer(global::Akka.Actor.ExtendedActorSystem system) => new Serializer(system);

                    public override {{iface}} CreateProxy({{Ns}}.ServiceChannel channel) => new Proxy(channel);

                    public override async global::System.Threading.Tasks.Task<{{Ns}}.ServiceReply> DispatchAsync({{iface}} service, {{Ns}}.ServiceCall call, global::System.Threading.CancellationToken cancellationToken)
                    {
                        switch (call)
                        {
            {{dispatch}}                    default: throw new global::System.ArgumentException("Not a call of {{service.Name}}: " + call.GetType().Name, nameof(call));
                        }
                    }

                    public override int DeclaredIndexOf(global::System.Exception exception) => exception switch
                    {{{declaredIndex}}
                        _ => -1,
                    };

                    public override global::System.Exception CreateDeclared(int index, string message) => index switch
                    {{{declaredCreate}}
                        _ => null,
                    };
                }

                private sealed class Proxy : {{Ns}}.ServiceProxy, {{iface}}
                {
                    public Proxy({{Ns}}.ServiceChannel channel) : base(channel)
                    {
                    }

            {{proxy}}    }

                private sealed class Serializer : global::AkkaRpc.Protocol.Serialization.WireSerializer
                {
                    public Serializer(global::Akka.Actor.ExtendedActorSystem system) : base(system, Register)
                    {
                    }

                    public override int Identifier => {{holder}}.SerializerId;

                    private static void Register(global::AkkaRpc.Protocol.Serialization.CodecRegistry registry)
                    {
            {{registrations}}            }

            {{codecClasses}}{{codecs.Helpers}}    }
            }
            """;
        return "// <auto-generated/>\n#nullable disable\n#pragma warning disable\n" + (ns is null ? body : $"namespace {ns}\n{{\n{body}\n}}\n");
    }

    private sealed class MethodModel(IMethodSymbol method, int id, List<IParameterSymbol> parameters, ITypeSymbol? result, int tokenIndex, bool notification)
    {
        public IMethodSymbol Method { get; } = method;

        public int Id { get; } = id;

        public List<IParameterSymbol> Parameters { get; } = parameters;

        public ITypeSymbol? Result { get; } = result;

        public int TokenIndex { get; } = tokenIndex;

        public bool Notification { get; } = notification;
    }
}
