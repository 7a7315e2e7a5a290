using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace AkkaRpc.Client.Tests.Data;

/// <summary>
/// What a case did, written so that two providers compare as text: each value with its CLR type, collections and
/// objects item by item, blobs by length and hash; an exception by its kind (a <see cref="DbException"/> with SQLite's
/// code for both providers' SQL errors, otherwise the exception type).
/// </summary>
internal static class Outcome
{
    public static async Task<string> Of(Func<Task<object?>> body)
    {
        try
        {
            return Describe(await body());
        }
        catch (Exception e)
        {
            return "throws " + Kind(e);
        }
    }

    public static string Kind(Exception e) => e switch
    {
        SqliteException s => $"DbException(code {s.SqliteErrorCode})",
        SqlErrorException s => $"DbException(code {s.PrimaryCode})",
        _ => e.GetType().Name,
    };

    public static string Describe(object? value) => value switch
    {
        null => "null",
        DBNull => "DBNull",
        string s => $"\"{s}\"",
        byte[] b => $"bytes({b.Length}, {Convert.ToHexString(SHA256.HashData(b))[..12]})",
        Stream s => Describe(ReadAll(s)),
        Type t => "type " + t.Name,
        IFormattable f when value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal or DateTime or DateTimeOffset or Guid or TimeSpan or DateOnly or TimeOnly =>
            $"{value.GetType().Name} {f.ToString(null, CultureInfo.InvariantCulture)}",
        char c => $"Char {c}",
        bool b => $"Boolean {b}",
        IDictionary<string, object?> row => "{" + string.Join(", ", row.Select(kv => $"{kv.Key}: {Describe(kv.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        _ => value.GetType().Name + " {" + string.Join(", ", value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => $"{p.Name}: {Describe(p.GetValue(value))}")) + "}",
    };

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
