using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using AkkaRpc.Protocol;

namespace AkkaRpc.Data;

/// <summary>
/// A parameter of an <see cref="AkkaRpcCommand"/>. Its name binds <c>$name</c>, <c>:name</c> or <c>@name</c> (with or
/// without the prefix) or <c>?1</c>; parameters without a name fill plain <c>?</c> markers in order. Values are bound
/// as Microsoft.Data.Sqlite binds them; <see cref="DbType"/> is kept but, as there, does not change the value.
/// </summary>
public sealed class AkkaRpcParameter : DbParameter
{
    private int? _size;

    /// <summary>Creates a parameter with no name and no value.</summary>
    public AkkaRpcParameter()
    {
    }

    /// <summary>Creates a parameter named <paramref name="name"/> holding <paramref name="value"/>.</summary>
    public AkkaRpcParameter(string? name, object? value)
    {
        ParameterName = name ?? "";
        Value = value;
    }

    /// <inheritdoc/>
    public override DbType DbType { get; set; } = DbType.String;

    /// <summary>
    /// The storage class to bind the value as, where a CLR type has two (as <c>SqliteParameter.SqliteType</c>):
    /// <see cref="SqlValueKind.Real"/> stores DateTime, DateTimeOffset, DateOnly, TimeOnly and TimeSpan as days,
    /// <see cref="SqlValueKind.Blob"/> stores a Guid's 16 bytes, <see cref="SqlValueKind.Integer"/> a char's code. Null: the default form.
    /// </summary>
    public SqlValueKind? StorageType { get; set; }

    /// <summary>Only <see cref="ParameterDirection.Input"/>: SQLite has no output parameters.</summary>
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new ArgumentException($"Invalid parameter Direction value '{value}'. Only Input is supported.", nameof(value));
            }
        }
    }

    /// <inheritdoc/>
    public override bool IsNullable { get; set; }

    /// <inheritdoc/>
    [AllowNull]
    public override string ParameterName { get; set; } = "";

    /// <summary>The most characters of a string, or bytes of a blob, to send; longer values are cut, as Microsoft.Data.Sqlite does. 0 or -1: all.</summary>
    public override int Size
    {
        get => _size ?? Value switch
        {
            string s => s.Length,
            byte[] b => b.Length,
            _ => 0,
        };
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, -1);
            _size = value;
        }
    }

    /// <inheritdoc/>
    [AllowNull]
    public override string SourceColumn { get; set; } = "";

    /// <inheritdoc/>
    public override bool SourceColumnNullMapping { get; set; }

    /// <summary>The value; <see cref="DBNull.Value"/> for SQL NULL (null itself is an error when the statement uses the parameter, as in ADO.NET).</summary>
    public override object? Value { get; set; }

    /// <inheritdoc/>
    public override void ResetDbType()
    {
        DbType = DbType.String;
        StorageType = null;
    }

    /// <summary>The value as SQLite stores it.</summary>
    internal SqlValue ToSqlValue() => Value is null
        ? throw new InvalidOperationException($"Value must be set (parameter '{ParameterName}'); use DBNull.Value for NULL.")
        : ValueBinder.Bind(Value, StorageType, _size);
}
