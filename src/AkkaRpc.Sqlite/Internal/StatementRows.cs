using System.Buffers;
using System.Text;
using SQLitePCL;

namespace AkkaRpc.Sqlite;

/// <summary>Binds parameters to statements and reads their rows as <see cref="SqlValue"/>s.</summary>
internal static class StatementRows
{
    private static readonly string[] Prefixes = ["$", ":", "@"];

    /// <summary>Binds <paramref name="parameters"/>, or returns the <c>SQLITE_RANGE</c> error that says what does not match.</summary>
    public static SqlError? Bind(PreparedStatement statement, SqlParameters parameters)
    {
        var handle = statement.Handle;
        var expected = raw.sqlite3_bind_parameter_count(handle);
        if (parameters.Names is not { } names)
        {
            if (parameters.Values.Count != expected)
            {
                return Range($"The statement has {expected} parameters but {parameters.Values.Count} values were given.");
            }

            for (var i = 0; i < expected; i++)
            {
                BindValue(handle, i + 1, parameters.Values[i]);
            }

            return null;
        }

        var bound = new bool[expected + 1];
        for (var i = 0; i < names.Count; i++)
        {
            var index = IndexOf(handle, names[i]);
            if (index == 0)
            {
                return Range($"The statement has no parameter named '{names[i]}'.");
            }

            bound[index] = true;
            BindValue(handle, index, parameters.Values[i]);
        }

        for (var index = 1; index <= expected; index++)
        {
            if (!bound[index])
            {
                var name = raw.sqlite3_bind_parameter_name(handle, index).utf8_to_string() ?? "?" + index;
                return Range($"No value was given for parameter '{name}'.");
            }
        }

        return null;
    }

    /// <summary>The estimated reply size of the current row: 8 per number, 1 per NULL, the byte length of text and blobs.</summary>
    public static long RowSize(sqlite3_stmt handle, int columns)
    {
        long size = 0;
        for (var i = 0; i < columns; i++)
        {
            size += raw.sqlite3_column_type(handle, i) switch
            {
                raw.SQLITE_INTEGER or raw.SQLITE_FLOAT => 8,
                raw.SQLITE_TEXT or raw.SQLITE_BLOB => raw.sqlite3_column_bytes(handle, i),
                _ => 1,
            };
        }

        return size;
    }

    /// <summary>Reads the current row.</summary>
    public static SqlValue[] ReadRow(sqlite3_stmt handle, int columns)
    {
        var row = new SqlValue[columns];
        for (var i = 0; i < columns; i++)
        {
            row[i] = raw.sqlite3_column_type(handle, i) switch
            {
                raw.SQLITE_INTEGER => SqlValue.FromInteger(raw.sqlite3_column_int64(handle, i)),
                raw.SQLITE_FLOAT => SqlValue.FromReal(raw.sqlite3_column_double(handle, i)),

                // sqlite3_column_blob on text returns its UTF-8 bytes with their exact length, so
                // embedded NULs survive (sqlite3_column_text would stop at the first one).
                raw.SQLITE_TEXT => SqlValue.FromText(Encoding.UTF8.GetString(raw.sqlite3_column_blob(handle, i))),
                raw.SQLITE_BLOB => SqlValue.FromBlob(raw.sqlite3_column_blob(handle, i).ToArray()),
                _ => SqlValue.Null,
            };
        }

        return row;
    }

    private static void BindValue(sqlite3_stmt handle, int index, SqlValue value)
    {
        // Binding only fails for a bad index (ruled out above) or out of memory, which the
        // following step reports.
        switch (value.Kind)
        {
            case SqlValueKind.Integer:
                _ = raw.sqlite3_bind_int64(handle, index, value.AsInteger());
                break;
            case SqlValueKind.Real:
                _ = raw.sqlite3_bind_double(handle, index, value.AsReal());
                break;
            case SqlValueKind.Text:
                BindText(handle, index, value.AsText());
                break;
            case SqlValueKind.Blob:
                _ = raw.sqlite3_bind_blob(handle, index, value.AsBlob().Span);
                break;
            default:
                _ = raw.sqlite3_bind_null(handle, index);
                break;
        }
    }

    private static void BindText(sqlite3_stmt handle, int index, string text)
    {
        // An explicit byte length keeps embedded NULs; SQLite copies the bytes (SQLITE_TRANSIENT).
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            _ = raw.sqlite3_bind_text(handle, index, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int IndexOf(sqlite3_stmt handle, string name)
    {
        if (name[0] is '$' or ':' or '@' or '?')
        {
            return raw.sqlite3_bind_parameter_index(handle, name);
        }

        foreach (var prefix in Prefixes)
        {
            var index = raw.sqlite3_bind_parameter_index(handle, prefix + name);
            if (index != 0)
            {
                return index;
            }
        }

        return 0;
    }

    private static SqlError Range(string message) => new(SqliteCodes.Range, SqliteCodes.Range, message);
}
