using System.Net.Sockets;
using AkkaRpc.Remote.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AkkaRpc.Remote.Tests;

/// <summary>The client half against a raw server that misbehaves.</summary>
public abstract partial class TransportContractTests
{
    /// <summary>Binds a plain listening socket on this transport, standing in for a broken server.</summary>
    private protected abstract Socket BindRawListener();

    [Fact]
    public async Task Connect_ServerAnswersGarbage_FailsWithProtocolViolation()
    {
        using Socket raw = BindRawListener();
        Task serve = Task.Run(async () =>
        {
            using Socket accepted = await raw.AcceptAsync();
            await accepted.SendAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), SocketFlags.None);
            accepted.Shutdown(SocketShutdown.Send);

            // Read until the client closes, so it can read our bytes before the socket goes away.
            byte[] sink = new byte[4096];
            for (int i = 0; i < 1000 && await accepted.ReceiveAsync(sink, SocketFlags.None) > 0; i++)
            {
            }
        });

        var error = await Assert.ThrowsAsync<RemoteTransportException>(() =>
            RemoteTransport.ConnectAsync(raw.LocalEndPoint!, NewOptions("client"), Logs));

        Assert.Equal(TransportFailureKind.ProtocolViolation, error.Kind);
        Assert.Contains("does not speak the AkkaRpc protocol", error.Message, StringComparison.Ordinal);
        await Logs.WaitForAsync(e => e.Category.EndsWith("Client", StringComparison.Ordinal) && e.Message.Contains("Handshake with", StringComparison.Ordinal));
        await serve.WaitAsync(TestTimeouts.Ceiling);
    }

    [Fact]
    public async Task Connect_ServerNeverAnswers_TimesOut()
    {
        using Socket raw = BindRawListener();
        var clock = new FakeTimeProvider();

        Task<RemoteConnection> connect = RemoteTransport.ConnectAsync(raw.LocalEndPoint!, NewOptions("client", o => o.TimeProvider = clock), Logs);
        await Logs.WaitForAsync("started (timeout 00:00:05)");
        clock.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<RemoteTransportException>(() => connect.WaitAsync(TestTimeouts.Ceiling));
        Assert.Equal(TransportFailureKind.HandshakeTimeout, error.Kind);
        Assert.True(error.IsTransient);
    }
}
