using AkkaRpc.Cli.Commands;
using AkkaRpc.Client;

try
{
    return await CliApplication.RunAsync(args, Console.Out, Console.Error);
}
finally
{
    // A client command leaves the node gracefully (Akka.Remote's disassociation handshake) rather than by closing its
    // socket at exit, which the node would log as a failed association with an error and a stack trace.
    await AkkaRpcClient.ShutdownAsync();
}
