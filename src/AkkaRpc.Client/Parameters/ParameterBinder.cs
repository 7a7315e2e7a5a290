using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using AkkaRpc.Protocol;

namespace AkkaRpc.Client;

/// <summary>
/// Turns what a caller passes as parameters into <see cref="SqlParameters"/>: null (none), <see cref="SqlParameters"/>
/// itself, a dictionary of names to values (named), a list or array (positional), or any other object, whose public
/// properties are the named parameters (an anonymous object: <c>new { id = 7 }</c> binds <c>$id</c>, <c>:id</c> or <c>@id</c>).
/// </summary>
internal static class ParameterBinder
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_properties = new();

    public static SqlParameters Bind(object? parameters) => parameters switch
    {
        null => SqlParameters.None,
        SqlParameters p => p,
        IEnumerable<KeyValuePair<string, object?>> named => SqlParameters.Named(named.Select(kv => KeyValuePair.Create(kv.Key, Value(kv.Value, kv.Key)))),
        IEnumerable<KeyValuePair<string, SqlValue>> values => SqlParameters.Named(values),
        IDictionary dictionary => SqlParameters.Named(Entries(dictionary)),
        string or byte[] or ReadOnlyMemory<byte> => throw new ArgumentException(
            "Parameters are a list, a dictionary or an object with properties; to pass one value, wrap it: new[] { value } or new { name = value }.",
            nameof(parameters)),
        IEnumerable list => SqlParameters.Positional([.. list.Cast<object?>().Select((v, i) => Value(v, "#" + (i + 1)))]),
        _ => SqlParameters.Named(Properties(parameters)),
    };

    private static IEnumerable<KeyValuePair<string, SqlValue>> Entries(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            var name = entry.Key as string ?? throw new ArgumentException($"Parameter names must be strings; got a {entry.Key.GetType().Name}.", nameof(dictionary));
            yield return KeyValuePair.Create(name, Value(entry.Value, name));
        }
    }

    // Reading an object's properties is reflection the trimmer cannot see through object.GetType(). In a trimmed or
    // NativeAOT app the properties may be gone; then the check below says so and names the alternatives, which bind
    // without reflection (a dictionary, a list, or SqlParameters). README says the same.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Missing properties fail with an error that names the trim-safe alternatives.")]
    private static IEnumerable<KeyValuePair<string, SqlValue>> Properties(object parameters)
    {
        var properties = s_properties.GetOrAdd(parameters.GetType(), static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray());
        if (properties.Length == 0)
        {
            throw new ArgumentException(
                $"A {parameters.GetType().Name} has no public properties to bind as parameters. Pass an anonymous object, a dictionary, a list or " +
                "SqlParameters; in a trimmed or NativeAOT app, objects lose their properties, so use a dictionary, a list or SqlParameters there.",
                nameof(parameters));
        }

        foreach (var property in properties)
        {
            yield return KeyValuePair.Create(property.Name, Value(property.GetValue(parameters), property.Name));
        }
    }

    private static SqlValue Value(object? value, string name)
    {
        try
        {
            return SqlValue.FromObject(value);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Parameter '{name}': {e.Message}", e);
        }
    }
}
