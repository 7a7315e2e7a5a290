using System.Data.Common;

namespace AkkaRpc.Data;

/// <summary>Creates the provider's objects; register it as <c>DbProviderFactories.RegisterFactory("AkkaRpc", AkkaRpcFactory.Instance)</c>.</summary>
public sealed class AkkaRpcFactory : DbProviderFactory
{
    private AkkaRpcFactory()
    {
    }

    /// <summary>The one instance.</summary>
    public static readonly AkkaRpcFactory Instance = new();

    /// <inheritdoc/>
    public override DbCommand CreateCommand() => new AkkaRpcCommand();

    /// <inheritdoc/>
    public override DbConnection CreateConnection() => new AkkaRpcConnection();

    /// <inheritdoc/>
    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => new AkkaRpcConnectionStringBuilder();

    /// <inheritdoc/>
    public override DbParameter CreateParameter() => new AkkaRpcParameter();

    /// <inheritdoc/>
    public override DbDataSource CreateDataSource(string connectionString) => new AkkaRpcDataSource(connectionString);
}
