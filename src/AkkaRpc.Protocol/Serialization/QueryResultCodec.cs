
namespace AkkaRpc.Protocol.Serialization;

/// <summary><see cref="QueryResult"/>: the columns, the row count, every row's values back to back, then the cursor.</summary>
/// <remarks>
/// The column count is written once: every row has exactly one value per column, so rows carry no
/// length of their own. This is the hottest payload on the wire, so it avoids per-value allocations
/// beyond the values themselves.
/// </remarks>
internal sealed class QueryResultCodec : MessageCodec<QueryResult>
{
    public override void Write(ref WireWriter writer, QueryResult message)
    {
        var columns = message.Columns;
        var rows = message.Rows;
        SqlValueWire.WriteColumns(ref writer, columns);
        if (columns.Count == 0 && rows.Count > 0)
        {
            throw new ArgumentException("A QueryResult with rows must have columns.", nameof(message));
        }

        writer.WriteCount(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Count != columns.Count)
            {
                throw new ArgumentException(
                    $"Row {i} of the QueryResult has {row.Count} values for {columns.Count} columns.", nameof(message));
            }

            SqlValueWire.WriteValues(ref writer, row);
        }

        writer.WriteBool(message.CursorId.HasValue);
        if (message.CursorId is { } cursorId)
        {
            writer.WriteVarInt64(cursorId);
        }
    }

    public override QueryResult Read(ref WireReader reader)
    {
        var columns = SqlValueWire.ReadColumns(ref reader);
        IReadOnlyList<IReadOnlyList<SqlValue>> rows;
        if (columns.Length == 0)
        {
            // Without columns a row would take no bytes, so a claimed row count could not be checked against the input.
            if (reader.ReadCount() != 0)
            {
                throw new WireFormatException("Invalid QueryResult: it has rows but no columns.");
            }

            rows = [];
        }
        else
        {
            // Every value takes at least its one-byte tag.
            var count = reader.ReadCount(columns.Length);
            var list = new IReadOnlyList<SqlValue>[Math.Min(count, SqlValueWire.MaxPreallocated)];
            var grown = count <= list.Length ? null : new List<IReadOnlyList<SqlValue>>(list.Length);
            for (var i = 0; i < count; i++)
            {
                var row = SqlValueWire.ReadValues(ref reader, columns.Length);
                if (grown is null)
                {
                    list[i] = row;
                }
                else
                {
                    grown.Add(row);
                }
            }

            rows = grown is null ? list : grown.ToArray();
        }

        long? cursorId = reader.ReadBool() ? reader.ReadVarInt64() : null;
        return new QueryResult(columns, rows, cursorId);
    }
}
