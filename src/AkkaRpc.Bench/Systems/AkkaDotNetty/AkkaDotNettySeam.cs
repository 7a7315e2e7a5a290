namespace AkkaRpc.Bench.Systems.AkkaDotNetty;

/// <summary>
/// SEAM(lead): <c>akka_dotnetty</c>, the same <c>akkarpc serve</c> node, owner actors and serializers reached over
/// Akka.Remote's stock DotNetty TCP transport (<c>akka.tcp://AkkaRpc@127.0.0.1:port</c>) instead of ours, so a reader
/// sees in one run what our transport buys. It cannot run on this branch: the node and the client still run on
/// AkkaRpc's own kernel. Until it can, a run skips it and says why (<see cref="Unavailable"/>).
/// </summary>
/// <remarks>
/// <para>Completing it, once the owners, transport and client branches have merged:</para>
/// <list type="number">
/// <item><description>Node: <c>akkarpc serve</c> also listens on the stock transport, on loopback, when asked, and
/// prints <c>listening at akka.tcp://AkkaRpc@127.0.0.1:&lt;port&gt;</c>. Put the serve arguments that ask for it in
/// <see cref="NodeArguments"/>: <c>BenchSuite</c> adds them to the node it starts and maps the printed
/// <c>akka.tcp://</c> line to this system through <see cref="SystemCatalog.KeyOfNodeAddress"/>.</description></item>
/// <item><description>Adapter: a new <c>AkkaDotNettyBenchSystem : IBenchSystem</c> in this folder. <c>PrepareAsync</c>
/// runs <see cref="BenchSchema.Create"/> once; <c>ConnectAsync</c> returns an <see cref="IBenchConnection"/> whose every
/// operation is a <c>Query</c>/<c>Execute</c> ask (with a timeout) to the node's owner of
/// <see cref="SystemEndpoint.Database"/> at <see cref="SystemEndpoint.Address"/>, from a client <c>ActorSystem</c> whose
/// only enabled transport is <c>akka.remote.dot-netty.tcp</c> and whose serializers are the Protocol assembly's (7301,
/// bound in HOCON): the figures must differ from <c>akkarpc_tcp</c> by the transport alone. The shortest way is the
/// client's public API with an option that selects the stock transport, as <c>AkkaRpcBenchSystem</c> does for ours.
/// A connection takes overlapping calls (the pipelined step keeps 64 in flight on one), reads every column of a row
/// as the other systems do, and checks blob and chunk lengths with <see cref="PayloadCheck"/>.</description></item>
/// <item><description>Factory: <see cref="BenchSystemFactory"/> makes the new adapter for <see cref="SystemKind.AkkaDotNetty"/>;
/// set <see cref="Unavailable"/> to null. The catalog, <c>--skip-akka-dotnetty</c>, the table, the ratios
/// (<c>vs_akka_dotnetty</c>), the JSON and the HTML report already carry the system.</description></item>
/// </list>
/// </remarks>
internal static class AkkaDotNettySeam
{
    /// <summary>Gets why the system cannot run on this branch; null once the adapter is complete.</summary>
    public static string? Unavailable => "pending until the node and client run on Akka.Remote";

    /// <summary>Gets the extra <c>akkarpc serve</c> arguments that make a node also listen on the stock transport; none yet.</summary>
    public static IReadOnlyList<string> NodeArguments { get; } = [];
}
