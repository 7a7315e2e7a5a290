using Akka.Configuration;

namespace AkkaRpc.Transport;

/// <summary>The transport's HOCON defaults, shipped in this assembly, for a host to fall back to.</summary>
public static class AkkaRpcTransportConfig
{
    /// <summary>Gets the defaults of <c>akka.remote.rpc-tcp</c> and <c>akka.remote.rpc-unix</c>, every key commented.</summary>
    public static Config Default { get; } = Load();

    private static Config Load()
    {
        using Stream stream = typeof(AkkaRpcTransportConfig).Assembly.GetManifestResourceStream("AkkaRpc.Transport.reference.conf")
            ?? throw new InvalidOperationException("AkkaRpc.Transport.reference.conf is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
