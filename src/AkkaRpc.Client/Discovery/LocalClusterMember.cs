namespace AkkaRpc.Client;

/// <summary>One member in a <see cref="LocalClusterFile"/>.</summary>
/// <param name="Address">Its Akka address, e.g. <c>akka.rpc.tcp://AkkaRpc@127.0.0.1:4053</c>.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="LogFile">Where its output goes.</param>
internal sealed record LocalClusterMember(string Address, int Pid, string LogFile);
