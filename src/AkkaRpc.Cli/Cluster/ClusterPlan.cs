using AkkaRpc.Client;

namespace AkkaRpc.Cli.Cluster;

/// <summary>What <c>akkarpc cluster start</c> was asked for.</summary>
/// <param name="Client">The client options: cookie, system name, runtime and default data directory.</param>
/// <param name="Nodes">How many members.</param>
/// <param name="FirstPort">The first member's TCP port; member i listens at FirstPort + i.</param>
/// <param name="DataDirectory">The data directory, or null for the client's default.</param>
/// <param name="Settings">Serve settings (--section:key=value) every member gets.</param>
/// <param name="Timeout">How long the members get to be Up.</param>
internal sealed record ClusterPlan(AkkaRpcClientOptions Client, int Nodes, int FirstPort, string? DataDirectory, IReadOnlyList<string> Settings, TimeSpan Timeout);
