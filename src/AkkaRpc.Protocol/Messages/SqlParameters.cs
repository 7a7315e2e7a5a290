namespace AkkaRpc.Protocol;

/// <summary>The values bound to a statement's parameters: either positional or named, never both.</summary>
/// <remarks>
/// Positional values bind to <c>?1</c>, <c>?2</c>, … (and to plain <c>?</c> in order). A name may be
/// given with its prefix (<c>$id</c>, <c>:id</c>, <c>@id</c>) or without, in which case it matches
/// whichever of those prefixes the statement uses. Every parameter the statement declares must get a
/// value, and every value must match a parameter; anything else is an <see cref="SqlError"/> with
/// SQLite's <c>SQLITE_RANGE</c> code.
/// </remarks>
public sealed record SqlParameters
{
    private SqlParameters(IReadOnlyList<SqlValue> values, IReadOnlyList<string>? names)
    {
        Values = values;
        Names = names;
    }

    /// <summary>
    /// The most values one statement may bind: SQLite's own ceiling (<c>SQLITE_MAX_VARIABLE_NUMBER</c>, 32766 since
    /// 3.32), so no statement that could run is refused. The wire decoder refuses more before it allocates for them.
    /// </summary>
    public const int MaxCount = 32766;

    /// <summary>No parameters.</summary>
    public static SqlParameters None { get; } = new([], null);

    /// <summary>The values, in position order or in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<SqlValue> Values { get; }

    /// <summary>The parameter names, one per value, or null for positional parameters.</summary>
    public IReadOnlyList<string>? Names { get; }

    /// <summary>Whether the parameters are named.</summary>
    public bool IsNamed => Names is not null;

    /// <summary>Positional parameters.</summary>
    public static SqlParameters Positional(params IReadOnlyList<SqlValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? None : new(values.ToArray(), null);
    }

    /// <summary>Named parameters; names must be unique.</summary>
    /// <exception cref="ArgumentException">A name is empty or repeated.</exception>
    public static SqlParameters Named(IEnumerable<KeyValuePair<string, SqlValue>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var names = new List<string>();
        var list = new List<SqlValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (string.IsNullOrEmpty(name) || !seen.Add(name))
            {
                throw new ArgumentException($"Parameter name '{name}' is empty or given twice.", nameof(values));
            }

            names.Add(name);
            list.Add(value);
        }

        return new(list, names);
    }

    /// <summary>Named parameters from name/value tuples.</summary>
    public static SqlParameters Named(params IReadOnlyList<(string Name, SqlValue Value)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Named(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));
    }
}
