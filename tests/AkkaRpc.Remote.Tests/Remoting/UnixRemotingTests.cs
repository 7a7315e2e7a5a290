using AkkaRpc.Actors;

namespace AkkaRpc.Remote.Tests.Remoting;

public sealed class UnixRemotingTests : RemotingContractTests
{
    protected override RemotingOptions ServerOptions(RemotingOptions options, int generation) =>
        options with { ListenTcp = false, UnixSocketPath = TempPath("run/node.sock") };

    protected override Address AddressOf(AkkaRpc.Remote.Remoting server) => server.UnixAddress!;
}
