using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using AkkaRpc.Client;

namespace AkkaRpc.Data;

/// <summary>
/// SQL to run on an <see cref="AkkaRpcConnection"/>: one statement or several separated by <c>;</c>, each sent to the
/// database's owner in turn. Parameters bind by name (<c>$id</c>, <c>@id</c>, <c>:id</c>, <c>?1</c>) or, unnamed, fill
/// plain <c>?</c> markers. <see cref="CommandTimeout"/> limits each statement on the node as well as the wait for it.
/// </summary>
public sealed class AkkaRpcCommand : DbCommand
{
    // A day stands for "no limit" (CommandTimeout 0): the node caps a statement at its own maximum anyway.
    private static readonly TimeSpan Unlimited = TimeSpan.FromDays(1);
    private string _commandText = "";
    private int _commandTimeout = 30;
    private RequestOptions? _options;
    private AkkaRpcConnection? _connection;
    private CancellationTokenSource _cancel = new();

    /// <summary>Creates a command with no text and no connection.</summary>
    public AkkaRpcCommand()
    {
    }

    /// <summary>Creates a command with <paramref name="commandText"/> on <paramref name="connection"/>.</summary>
    public AkkaRpcCommand(string? commandText, AkkaRpcConnection? connection = null, AkkaRpcDbTransaction? transaction = null)
    {
        CommandText = commandText;
        Connection = connection;
        Transaction = transaction;
    }

    /// <inheritdoc/>
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            if (Reader is not null)
            {
                throw new InvalidOperationException("An open reader is associated with this command. Close it before changing the CommandText property.");
            }

            _commandText = value ?? "";
        }
    }

    /// <summary>Seconds each statement may take, on the node and for its reply; 0 for no limit (the node's maximum still applies).</summary>
    public override int CommandTimeout
    {
        get => _commandTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _commandTimeout = value;
            _options = null;
        }
    }

    /// <summary>Only <see cref="CommandType.Text"/>.</summary>
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException($"Invalid CommandType value '{value}'. Only Text is supported.", nameof(value));
            }
        }
    }

    /// <summary>The connection; setting it takes its default timeout.</summary>
    public new AkkaRpcConnection? Connection
    {
        get => _connection;
        set
        {
            if (Reader is not null)
            {
                throw new InvalidOperationException("An open reader is associated with this command. Close it before changing the Connection property.");
            }

            if (value is not null && value != _connection)
            {
                CommandTimeout = value.DefaultTimeout;
            }

            _connection = value;
        }
    }

    /// <summary>The transaction the command runs in; it must be the connection's transaction in progress, if it has one.</summary>
    public new AkkaRpcDbTransaction? Transaction { get; set; }

    /// <summary>The command's parameters.</summary>
    public new AkkaRpcParameterCollection Parameters { get; } = new();

    /// <inheritdoc/>
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc/>
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>The reader open on this command, if any.</summary>
    internal AkkaRpcDataReader? Reader { get; set; }

    /// <inheritdoc/>
    protected override DbConnection? DbConnection
    {
        get => Connection;
        set => Connection = value switch
        {
            null => null,
            AkkaRpcConnection c => c,
            _ => throw new InvalidCastException($"An AkkaRpcCommand runs on an AkkaRpcConnection, not a {value.GetType().Name}."),
        };
    }

    /// <inheritdoc/>
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <inheritdoc/>
    protected override DbTransaction? DbTransaction
    {
        get => Transaction;
        set => Transaction = value switch
        {
            null => null,
            AkkaRpcDbTransaction t => t,
            _ => throw new InvalidCastException($"An AkkaRpcCommand runs in an AkkaRpcDbTransaction, not a {value.GetType().Name}."),
        };
    }

    /// <summary>
    /// Stops waiting for the synchronous call in progress on another thread, which then throws
    /// <see cref="OperationCanceledException"/>. The statement may still complete on the node. Async calls take a
    /// <see cref="CancellationToken"/> instead.
    /// </summary>
    public override void Cancel()
    {
        var cancel = Interlocked.Exchange(ref _cancel, new CancellationTokenSource());
        cancel.Cancel();
        cancel.Dispose();
    }

    /// <summary>Checks that the command can run and parses its statements once; SQL errors still show when it runs.</summary>
    public override void Prepare()
    {
        Check(nameof(Prepare));
        _ = SqlScript.Parse(_commandText);
    }

    /// <summary>Creates a parameter.</summary>
    public new AkkaRpcParameter CreateParameter() => new();

    /// <summary>Runs the command and returns a reader over its first result.</summary>
    public new AkkaRpcDataReader ExecuteReader() => ExecuteReader(CommandBehavior.Default);

    /// <summary>Runs the command and returns a reader over its first result.</summary>
    public new AkkaRpcDataReader ExecuteReader(CommandBehavior behavior) => Sync.Run(ct => ExecuteReaderCoreAsync(behavior, ct), _cancel.Token);

    /// <summary>Runs the command and returns a reader over its first result.</summary>
    public new Task<AkkaRpcDataReader> ExecuteReaderAsync(CancellationToken cancellationToken = default) => ExecuteReaderCoreAsync(CommandBehavior.Default, cancellationToken);

    /// <summary>Runs the command and returns a reader over its first result.</summary>
    public new Task<AkkaRpcDataReader> ExecuteReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken = default) => ExecuteReaderCoreAsync(behavior, cancellationToken);

    /// <summary>Runs every statement; returns the rows they inserted, updated or deleted (-1 if none of them writes).</summary>
    public override int ExecuteNonQuery() => Sync.Run(ExecuteNonQueryAsync, _cancel.Token);

    /// <inheritdoc cref="ExecuteNonQuery"/>
    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        var reader = await ExecuteReaderCoreAsync(CommandBehavior.Default, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }

            return reader.RecordsAffected;
        }
    }

    /// <summary>Runs the command; returns the first column of the first row, <see cref="DBNull.Value"/> for NULL, or null when there is no row.</summary>
    public override object? ExecuteScalar() => Sync.Run(ExecuteScalarAsync, _cancel.Token);

    /// <inheritdoc cref="ExecuteScalar"/>
    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        var reader = await ExecuteReaderCoreAsync(CommandBehavior.Default, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetValue(0) : null;
        }
    }

    /// <inheritdoc/>
    protected override DbParameter CreateDbParameter() => CreateParameter();

    /// <inheritdoc/>
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => ExecuteReader(behavior);

    /// <inheritdoc/>
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await ExecuteReaderCoreAsync(behavior, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cancel.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<AkkaRpcDataReader> ExecuteReaderCoreAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        var database = Check("ExecuteReader");
        var transaction = _connection!.Transaction;
        if (transaction is null && Transaction is not null)
        {
            throw new InvalidOperationException("The transaction object is not associated with the same connection object as this command, or it has completed.");
        }

        // Microsoft.Data.Sqlite runs a command without a transaction of its own in the connection's pending one.
        if (transaction is not null && Transaction is not null && Transaction != transaction)
        {
            throw new InvalidOperationException("The transaction object is not associated with the same connection object as this command.");
        }

        var script = SqlScript.Parse(_commandText);
        _options ??= new RequestOptions(_commandTimeout == 0 ? Unlimited : TimeSpan.FromSeconds(_commandTimeout));
        var reader = new AkkaRpcDataReader(
            this, database, transaction?.Inner.Id, _options, script.Statements, [.. Parameters.Items],
            behavior.HasFlag(CommandBehavior.CloseConnection), cancellationToken);
        Reader = reader;
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return reader;
    }

    private AkkaRpcDatabase Check(string operation)
    {
        var database = (_connection ?? throw new InvalidOperationException($"{operation} can only be called when the connection is open.")).Handle(operation);
        return string.IsNullOrWhiteSpace(_commandText)
            ? throw new InvalidOperationException($"{operation} can only be called when CommandText has been set.")
            : database;
    }
}
