using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace AkkaRpc.Client;

/// <summary>
/// Maps rows to <c>T</c> by column name (case-insensitive; <c>order_id</c> also matches <c>OrderId</c>): through the
/// constructor whose parameters all have columns (positional records), else a parameterless constructor and settable
/// properties. Built once per type and result shape.
/// </summary>
internal static class RowMapper
{
    public static IReadOnlyList<T> Map<[DynamicallyAccessedMembers(Members)] T>(SqlRowSet rows)
    {
        if (IsScalar(typeof(T)))
        {
            RequireColumns(rows, 1, typeof(T));
            var scalars = new List<T>(rows.Count);
            foreach (var row in rows)
            {
                scalars.Add((T)ValueConverter.Convert(row.GetValue(0), typeof(T), rows.Columns[0])!);
            }

            return scalars;
        }

        var plan = ShapeOf<T>.Shape.Plan(rows.Columns);
        var list = new List<T>(rows.Count);
        foreach (var row in rows)
        {
            list.Add((T)plan(row));
        }

        return list;
    }

    internal const DynamicallyAccessedMemberTypes Members = DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties;

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(byte[])
            || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
            || type == typeof(ReadOnlyMemory<byte>);
    }

    private static void RequireColumns(SqlRowSet rows, int count, Type type)
    {
        if (rows.Columns.Count != count)
        {
            throw new InvalidCastException($"QueryAsync<{type.Name}> needs a result with exactly one column; this one has {rows.Columns.Count} ({string.Join(", ", rows.Columns)}).");
        }
    }

    internal static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    // One shape per T, built once; as a generic static it keeps T's annotation, so trimming keeps what it reflects on.
    private static class ShapeOf<[DynamicallyAccessedMembers(Members)] T>
    {
        public static readonly Shape Shape = Shape.Of(typeof(T));
    }

    private sealed class Shape
    {
        private readonly Type _type;
        private readonly ConstructorInfo[] _constructors;
        private readonly PropertyInfo[] _settable;

        private Shape(Type type, ConstructorInfo[] constructors, PropertyInfo[] settable)
        {
            _type = type;
            _constructors = constructors;
            _settable = settable;
        }

        public static Shape Of([DynamicallyAccessedMembers(Members)] Type type) => new(
            type,
            [.. type.GetConstructors().OrderByDescending(c => c.GetParameters().Length)],
            [.. type.GetProperties().Where(p => p.CanWrite && p.SetMethod!.IsPublic)]);

        public Func<SqlRow, object> Plan(SqlColumns columns)
        {
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                byName.TryAdd(Normalize(columns[i]), i);
            }

            foreach (var constructor in _constructors)
            {
                var parameters = constructor.GetParameters();
                if (parameters.Length == 0)
                {
                    return PropertiesPlan(constructor, byName, columns);
                }

                var ordinals = parameters.Select(p => byName.TryGetValue(Normalize(p.Name!), out var o) ? o : -1).ToArray();
                if (ordinals.All(o => o >= 0))
                {
                    return row =>
                    {
                        var args = new object?[parameters.Length];
                        for (var i = 0; i < args.Length; i++)
                        {
                            args[i] = ValueConverter.Convert(row.GetValue(ordinals[i]), parameters[i].ParameterType, columns[ordinals[i]]);
                        }

                        return constructor.Invoke(args);
                    };
                }
            }

            var wanted = _constructors.FirstOrDefault()?.GetParameters().Select(p => p.Name) ?? [];
            throw new InvalidCastException(
                $"Cannot map the columns ({string.Join(", ", columns)}) to {_type.Name}: no public constructor has a column for every parameter " +
                $"(the widest wants {string.Join(", ", wanted)}), and it has no parameterless constructor. Alias the columns in SQL (AS) to match.");
        }

        private Func<SqlRow, object> PropertiesPlan(ConstructorInfo constructor, Dictionary<string, int> byName, SqlColumns columns)
        {
            var targets = _settable
                .Select(p => (Property: p, Ordinal: byName.TryGetValue(Normalize(p.Name), out var o) ? o : -1))
                .Where(t => t.Ordinal >= 0)
                .ToArray();
            return row =>
            {
                var item = constructor.Invoke(null);
                foreach (var (property, ordinal) in targets)
                {
                    property.SetValue(item, ValueConverter.Convert(row.GetValue(ordinal), property.PropertyType, columns[ordinal]));
                }

                return item;
            };
        }
    }
}
