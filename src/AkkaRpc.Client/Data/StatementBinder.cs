using AkkaRpc.Protocol;

namespace AkkaRpc.Data;

/// <summary>
/// Picks a command's parameters for one statement, as Microsoft.Data.Sqlite binds them: a name matches exactly, or,
/// given without its prefix, whichever of <c>@</c>, <c>$</c>, <c>:</c> the statement uses; parameters the statement
/// does not use are left out; a parameter it uses but nobody set is an error naming it. Unnamed parameters fill plain
/// <c>?</c> markers in order (an AkkaRpc addition: Microsoft.Data.Sqlite cannot bind those).
/// </summary>
internal static class StatementBinder
{
    private static readonly char[] Prefixes = ['@', '$', ':'];

    public static SqlParameters Bind(SqlStatement statement, IReadOnlyList<AkkaRpcParameter> parameters)
    {
        if (statement.HasBareMarkers)
        {
            var positional = new List<SqlValue>();
            foreach (var parameter in parameters)
            {
                if (string.IsNullOrEmpty(parameter.ParameterName))
                {
                    positional.Add(parameter.ToSqlValue());
                }
            }

            // Named markers in the same statement keep their numbers; the node reports any value count that does not fit.
            return SqlParameters.Positional(positional);
        }

        if (statement.Parameters.Count == 0 && parameters.Count == 0)
        {
            return SqlParameters.None;
        }

        var values = new SqlValue[statement.Parameters.Count];
        var bound = new bool[values.Length];
        foreach (var parameter in parameters)
        {
            var name = parameter.ParameterName;
            if (string.IsNullOrEmpty(name))
            {
                throw new InvalidOperationException("ParameterName must be set: this statement has no plain ? markers for an unnamed parameter to fill.");
            }

            var index = IndexOf(statement, name);
            if (index < 0)
            {
                continue; // not used by this statement: skipped, as Microsoft.Data.Sqlite does
            }

            values[index] = parameter.ToSqlValue();
            bound[index] = true;
        }

        List<string>? missing = null;
        for (var i = 0; i < bound.Length; i++)
        {
            if (!bound[i])
            {
                (missing ??= []).Add(statement.Parameters[i]);
            }
        }

        if (missing is not null)
        {
            throw new InvalidOperationException($"Must add values for the following parameters: {string.Join(", ", missing)}");
        }

        var named = new KeyValuePair<string, SqlValue>[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            named[i] = KeyValuePair.Create(statement.Parameters[i], values[i]);
        }

        return SqlParameters.Named(named);
    }

    private static int IndexOf(SqlStatement statement, string name)
    {
        var names = statement.Parameters;
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        if (Array.IndexOf(Prefixes, name[0]) >= 0)
        {
            return -1;
        }

        var found = -1;
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == name.Length + 1 && Array.IndexOf(Prefixes, names[i][0]) >= 0 && names[i].AsSpan(1).SequenceEqual(name))
            {
                if (found >= 0)
                {
                    throw new InvalidOperationException($"Cannot bind the value for parameter '{name}' because multiple matching parameters were found in the command text. Specify the parameter name with the symbol prefix, e.g. '@{name}'.");
                }

                found = i;
            }
        }

        return found;
    }
}
