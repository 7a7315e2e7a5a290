using System.Data.Common;

namespace AkkaRpc.Data;

/// <summary>Hands out connections for one connection string (for dependency injection: register one, create connections from it).</summary>
public sealed class AkkaRpcDataSource : DbDataSource
{
    /// <summary>Creates a data source for <paramref name="connectionString"/>.</summary>
    /// <exception cref="ArgumentException">A keyword is unknown or a value does not parse.</exception>
    public AkkaRpcDataSource(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        _ = new AkkaRpcConnectionStringBuilder(connectionString); // fail here, not at the first connection
        ConnectionString = connectionString;
    }

    /// <inheritdoc/>
    public override string ConnectionString { get; }

    /// <summary>Creates a closed connection.</summary>
    public new AkkaRpcConnection CreateConnection() => new(ConnectionString);

    /// <summary>Creates and opens a connection.</summary>
    public new AkkaRpcConnection OpenConnection()
    {
        var connection = CreateConnection();
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Creates and opens a connection.</summary>
    public new async ValueTask<AkkaRpcConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    protected override DbConnection CreateDbConnection() => CreateConnection();

    /// <inheritdoc/>
    protected override DbConnection OpenDbConnection() => OpenConnection();

    /// <inheritdoc/>
    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default) =>
        await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
}
