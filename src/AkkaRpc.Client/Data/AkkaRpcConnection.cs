using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using AkkaRpc.Client;

namespace AkkaRpc.Data;

/// <summary>
/// An ADO.NET connection to one AkkaRpc database, for Dapper and every tool that takes a <see cref="DbConnection"/>.
/// It behaves as Microsoft.Data.Sqlite's <c>SqliteConnection</c> does (same types, same errors), over the client:
/// opening finds the node that serves the database, or starts one. See <see cref="AkkaRpcConnectionStringBuilder"/>
/// for the connection string. Like any ADO.NET connection, one instance is for one caller at a time.
/// </summary>
public sealed class AkkaRpcConnection : DbConnection
{
    private string _connectionString;
    private AkkaRpcConnectionStringBuilder _settings;
    private AkkaRpcDatabase? _handle;
    private bool _ownsHandle;
    private ConnectionState _state = ConnectionState.Closed;

    /// <summary>Creates a closed connection with no connection string.</summary>
    public AkkaRpcConnection()
        : this(null)
    {
    }

    /// <summary>Creates a closed connection for <paramref name="connectionString"/>.</summary>
    /// <exception cref="ArgumentException">A keyword is unknown or a value does not parse.</exception>
    public AkkaRpcConnection(string? connectionString)
    {
        _settings = new AkkaRpcConnectionStringBuilder(connectionString);
        _connectionString = connectionString ?? "";
    }

    /// <inheritdoc/>
    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_state != ConnectionState.Closed)
            {
                throw new InvalidOperationException("ConnectionString cannot be set when the connection is open.");
            }

            _settings = new AkkaRpcConnectionStringBuilder(value);
            _connectionString = value ?? "";
        }
    }

    /// <summary>The database name.</summary>
    public override string Database => _handle?.Name ?? _settings.Database;

    /// <summary>The database name, as <see cref="Database"/> (Microsoft.Data.Sqlite gives its file here).</summary>
    public override string DataSource => Database;

    /// <summary>The address of the node serving the database while open; empty when closed.</summary>
    public override string ServerVersion => _handle?.NodeAddress ?? "";

    /// <inheritdoc/>
    public override ConnectionState State => _state;

    /// <summary>The default <see cref="DbCommand.CommandTimeout"/> of this connection's commands, in seconds.</summary>
    public int DefaultTimeout => _settings.DefaultTimeout;

    /// <summary>The transaction in progress on this connection, if any.</summary>
    internal AkkaRpcDbTransaction? Transaction { get; set; }

    /// <inheritdoc/>
    protected override DbProviderFactory DbProviderFactory => AkkaRpcFactory.Instance;

    /// <summary>Closes every handle that pooled connections share; pooled connections open on them fail until opened again.</summary>
    public static Task ClearAllPoolsAsync() => HandlePool.ClearAsync();

    /// <inheritdoc/>
    public override void Open() => Sync.Run(OpenAsync, CancellationToken.None);

    /// <summary>Finds (or starts) the node serving the database and opens the connection; nothing happens when it is open already.</summary>
    /// <exception cref="InvalidOperationException">The connection string names no database.</exception>
    /// <exception cref="AkkaRpcException">No node could be reached or started, or it does not have the database; the message says why.</exception>
    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_state == ConnectionState.Open)
        {
            return;
        }

        var database = _settings.Database;
        if (string.IsNullOrEmpty(database))
        {
            throw new InvalidOperationException("The connection string names no database: add Database=<name>.");
        }

        var options = _settings.ToClientOptions();
        _state = ConnectionState.Connecting;
        try
        {
            if (_settings.Pooling && !_settings.PrivateConnection)
            {
                _handle = await HandlePool.GetAsync(_settings.ConnectionString, database, options, cancellationToken).ConfigureAwait(false);
                _ownsHandle = false;
            }
            else
            {
                _handle = await AkkaRpcClient.ConnectAsync(database, options, cancellationToken).ConfigureAwait(false);
                _ownsHandle = true;
            }

            _state = ConnectionState.Open;
        }
        catch
        {
            _state = ConnectionState.Closed;
            throw;
        }

        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    /// <inheritdoc/>
    public override void Close() => Sync.Run(async _ => await CloseAsync().ConfigureAwait(false), CancellationToken.None);

    /// <summary>Closes the connection, rolling back a transaction still in progress.</summary>
    public override async Task CloseAsync()
    {
        if (_state == ConnectionState.Closed)
        {
            return;
        }

        if (Transaction is { } transaction)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }

        var handle = _handle;
        _handle = null;
        _state = ConnectionState.Closed;
        if (_ownsHandle && handle is not null)
        {
            await handle.DisposeAsync().ConfigureAwait(false);
        }

        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    /// <summary>Switches to another database of the same node setup: closes, then opens <paramref name="databaseName"/> if it was open.</summary>
    public override void ChangeDatabase(string databaseName) => Sync.Run(ct => ChangeDatabaseAsync(databaseName, ct), CancellationToken.None);

    /// <inheritdoc cref="ChangeDatabase"/>
    public override async Task ChangeDatabaseAsync(string databaseName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(databaseName);
        var wasOpen = _state == ConnectionState.Open;
        await CloseAsync().ConfigureAwait(false);
        var settings = new AkkaRpcConnectionStringBuilder(_connectionString) { Database = databaseName };
        ConnectionString = settings.ConnectionString;
        if (wasOpen)
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates a command on this connection.</summary>
    public new AkkaRpcCommand CreateCommand() => new() { Connection = this };

    /// <summary>Begins a transaction: this connection has the database to itself until it commits or rolls back.</summary>
    public new AkkaRpcDbTransaction BeginTransaction() => (AkkaRpcDbTransaction)BeginDbTransaction(IsolationLevel.Unspecified);

    /// <inheritdoc/>
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <inheritdoc/>
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        Sync.Run(async ct => await BeginDbTransactionAsync(isolationLevel, ct).ConfigureAwait(false), CancellationToken.None);

    /// <summary>
    /// Begins an interactive transaction on the node. Every isolation level but Chaos and Snapshot is accepted and
    /// runs serializable: the database is this connection's alone until the end (SQLite's own behaviour for a writer).
    /// </summary>
    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken)
    {
        var handle = Handle("BeginTransaction");
        if (Transaction is not null)
        {
            throw new InvalidOperationException("AkkaRpcConnection does not support nested transactions.");
        }

        if (isolationLevel is IsolationLevel.Chaos or IsolationLevel.Snapshot)
        {
            throw new ArgumentException($"The isolation level '{isolationLevel}' is not supported.", nameof(isolationLevel));
        }

        var lease = TimeSpan.FromSeconds(_settings.TransactionLease);
        var inner = await handle.BeginTransactionAsync(lease, cancellationToken).ConfigureAwait(false);
        Transaction = new AkkaRpcDbTransaction(this, inner, isolationLevel == IsolationLevel.Unspecified ? IsolationLevel.Serializable : isolationLevel);
        return Transaction;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The open handle, or the error Microsoft.Data.Sqlite gives for using a closed connection.</summary>
    internal AkkaRpcDatabase Handle(string operation) =>
        _state == ConnectionState.Open && _handle is { } handle
            ? handle
            : throw new InvalidOperationException($"{operation} can only be called when the connection is open.");
}
