using Akka.Configuration;

namespace AkkaRpc.Transport.Tests.Support;

/// <summary>One of our two transports, as the contract suites need it: its section, scheme and configs.</summary>
public abstract class TransportKind
{
    public static TransportKind Tcp { get; } = new TcpKind();

    public static TransportKind Unix { get; } = new UnixKind();

    /// <summary>Gets the section under <c>akka.remote</c>, e.g. <c>rpc-tcp</c>.</summary>
    public abstract string Section { get; }

    public abstract string Scheme { get; }

    /// <summary>The transport section for a listening system named <paramref name="name"/> (its own socket for Unix).</summary>
    public abstract string ListenSection(TestDirectory directory, string name);

    /// <summary>A whole system config: remoting on this transport only, the test's cookie, over the transport defaults.</summary>
    public Config SystemConfig(TestDirectory directory, string name, bool listen = true, string extraSection = "", string extra = "") =>
        ConfigurationFactory.ParseString($$"""
            akka.actor.provider = remote
            akka.remote.enabled-transports = ["akka.remote.{{Section}}"]
            akka.remote.{{Section}} {
              cookie-file = "{{directory.CookiePath}}"
              {{(listen ? ListenSection(directory, name) : "listen = off")}}
              {{extraSection}}
            }
            akka.loglevel = INFO
            akka.stdout-loglevel = WARNING
            {{extra}}
            """)
            .WithFallback(AkkaRpcTestKit.TimeFactorConfig)
            .WithFallback(AkkaRpcTransportConfig.Default);

    /// <summary>The bare transport section, for constructing a transport directly.</summary>
    public Config TransportConfig(TestDirectory directory, string name, string extra = "") =>
        SystemConfig(directory, name, listen: true, extraSection: extra).GetConfig("akka.remote." + Section);

    public override string ToString() => Scheme;

    private sealed class TcpKind : TransportKind
    {
        public override string Section => "rpc-tcp";

        public override string Scheme => RpcTcpTransport.Scheme;

        public override string ListenSection(TestDirectory directory, string name) => "port = 0";
    }

    private sealed class UnixKind : TransportKind
    {
        public override string Section => "rpc-unix";

        public override string Scheme => RpcUnixTransport.Scheme;

        public override string ListenSection(TestDirectory directory, string name) => $"socket-path = \"{directory.Path(name + ".sock")}\"";
    }
}
