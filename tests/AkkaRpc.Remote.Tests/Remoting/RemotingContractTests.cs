using AkkaRpc.Actors;
using AkkaRpc.Remote.Serialization;
using AkkaRpc.Remote.Tests.Support;

namespace AkkaRpc.Remote.Tests.Remoting;

/// <summary>
/// What remoting promises, run once per transport: the TestKit's system is the client, a second system the server.
/// </summary>
public abstract partial class RemotingContractTests : AkkaRpc.TestKit.TestKit, IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("akkarpc-remoting-");
    private readonly List<(AkkaRpc.Remote.Remoting Remoting, ActorSystem System)> _nodes = [];
    private AkkaRpc.Remote.Remoting? _client;

    protected static TimeSpan Ceiling => TestTimeouts.Ceiling;

    protected string CookiePath => Path.Combine(_directory.FullName, "cookie");

    protected AkkaRpc.Remote.Remoting Client => _client!;

    /// <summary>Sets the server's listener: TCP or a Unix socket.</summary>
    protected abstract RemotingOptions ServerOptions(RemotingOptions options, int generation);

    /// <summary>The server address clients use.</summary>
    protected abstract Address AddressOf(AkkaRpc.Remote.Remoting server);

    /// <summary>Closes every node the test started (the TestKit terminates the client system itself).</summary>
    public void Dispose()
    {
        foreach (var (remoting, system) in _nodes)
        {
            remoting.DisposeAsync().AsTask().Wait(Ceiling);
            system.Terminate().Wait(Ceiling);
        }

        _client?.DisposeAsync().AsTask().Wait(Ceiling);
        _directory.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts a server node named "server" with an echo actor at /user/echo.</summary>
    protected async Task<(AkkaRpc.Remote.Remoting Remoting, ActorSystem System)> StartServerAsync(int generation = 0, CodecRegistry? codecs = null)
    {
        _client ??= await AkkaRpc.Remote.Remoting.StartAsync(Sys, new RemotingOptions { ListenTcp = false, Transport = Transport() }, Codecs());
        var system = ActorSystem.Create("server");
        var options = ServerOptions(new RemotingOptions { Transport = Transport() }, generation);
        var remoting = await AkkaRpc.Remote.Remoting.StartAsync(system, options, codecs ?? Codecs());
        system.ActorOf(Props.Create(() => new Echo()), "echo");
        _nodes.Add((remoting, system));
        return (remoting, system);
    }

    protected async Task<IActorRef> ResolveAsync(AkkaRpc.Remote.Remoting server, string path = "/user/echo") =>
        await Sys.ActorSelection(AddressOf(server) + path).ResolveOne(Ceiling);

    protected string TempPath(string name) => Path.Combine(_directory.FullName, name);

    protected RemoteTransportOptions Transport() => new() { CookiePath = CookiePath };

    protected static CodecRegistry Codecs() => CodecRegistry.CreateDefault();

    /// <summary>Replies with what it receives; "silence" gets no reply; a Watch request makes it watch the sender's ref.</summary>
    protected sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            Receive<string>(s => s == "silence", _ => { });
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
            ReceiveAny(m => Sender.Tell(m, Self));
        }
    }
}
