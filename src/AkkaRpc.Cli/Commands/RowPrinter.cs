using System.Globalization;
using System.Text;
using System.Text.Json;
using AkkaRpc.Client;
using AkkaRpc.Protocol;

namespace AkkaRpc.Cli.Commands;

/// <summary>Prints query results: an aligned text table, or JSON lines (one object per row; blobs as base64).</summary>
/// <remarks>Plain text rather than Spectre.Console: <c>akkarpc query</c> is a short-lived process and every JIT'd method counts.</remarks>
internal static class RowPrinter
{
    private const int MaxCellWidth = 60;

    public static void WriteTable(SqlRowSet rows, TextWriter output)
    {
        if (rows.Columns.Count == 0)
        {
            return; // a statement without a result (INSERT, CREATE ...) prints nothing, as sqlite3 does
        }

        var cells = rows.Select(r => Enumerable.Range(0, rows.Columns.Count).Select(i => Cell(r.GetValue(i))).ToArray()).ToList();
        var widths = rows.Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var numeric = Enumerable.Range(0, rows.Columns.Count).Select(i => rows.All(r => r.GetValue(i).Kind is SqlValueKind.Integer or SqlValueKind.Real or SqlValueKind.Null)).ToArray();
        output.WriteLine(Line(rows.Columns.ToArray(), widths, new bool[widths.Length]));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            output.WriteLine(Line(row, widths, numeric));
        }

        output.WriteLine(rows.Count == 1 ? "(1 row)" : $"({rows.Count} rows)");
    }

    public static void WriteJsonLines(SqlRowSet rows, TextWriter output)
    {
        var buffer = new MemoryStream();
        foreach (var row in rows)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (var i = 0; i < rows.Columns.Count; i++)
                {
                    var value = row.GetValue(i);
                    switch (value.Kind)
                    {
                        case SqlValueKind.Integer: json.WriteNumber(rows.Columns[i], value.AsInteger()); break;
                        case SqlValueKind.Real: json.WriteNumber(rows.Columns[i], value.AsReal()); break;
                        case SqlValueKind.Text: json.WriteString(rows.Columns[i], value.AsText()); break;
                        case SqlValueKind.Blob: json.WriteBase64String(rows.Columns[i], value.AsBlob().Span); break;
                        default: json.WriteNull(rows.Columns[i]); break;
                    }
                }

                json.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }

    private static string Line(string[] cells, int[] widths, bool[] rightAlign) =>
        string.Join(" | ", cells.Select((c, i) => rightAlign[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();

    private static string Cell(SqlValue value)
    {
        var text = value.Kind switch
        {
            SqlValueKind.Null => "NULL",
            SqlValueKind.Integer => value.AsInteger().ToString(CultureInfo.InvariantCulture),
            SqlValueKind.Real => value.AsReal().ToString("R", CultureInfo.InvariantCulture),
            SqlValueKind.Blob => $"x'{Convert.ToHexString(value.AsBlob().Span[..Math.Min(value.AsBlob().Length, 16)])}{(value.AsBlob().Length > 16 ? "…" : "")}' ({value.AsBlob().Length} bytes)",
            _ => value.AsText().ReplaceLineEndings(" "),
        };
        return text.Length <= MaxCellWidth ? text : text[..(MaxCellWidth - 1)] + "…";
    }
}
