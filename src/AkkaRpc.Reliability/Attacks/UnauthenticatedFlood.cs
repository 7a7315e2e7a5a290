using System.Net.Sockets;
using AkkaRpc.Client;
using AkkaRpc.Reliability.Running;

namespace AkkaRpc.Reliability.Attacks;

/// <summary>
/// Issue item 5: many TCP connections that never authenticate, re-opened as the node closes them, while a legitimate
/// TCP client connects and queries; the node's log growth and memory are measured over the flood.
/// </summary>
internal sealed class UnauthenticatedFlood : Attack
{
    public override string Name => "unauthenticated connection flood";

    public override string Item => "5";

    public override async Task<AttackObservation> RunAsync(AttackContext context, CancellationToken cancellationToken)
    {
        var node = context.Node.TcpAddress;
        var options = context.ClientOptions();
        options.NodeAddress = node.ToString();
        options.UnixSocket = "";
        var before = await context.FreshClientAsync("flooded", cancellationToken, options).ConfigureAwait(false);
        var linesBefore = context.Node.LinesPrinted;
        var charsBefore = context.Node.CharactersPrinted;
        var memoryBefore = context.Node.ResidentMiB() ?? 0;
        long opened = 0, refused = 0;
        var maxConnects = context.Profile.FloodConnections * 50L;
        using var flood = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        flood.CancelAfter(context.Profile.FloodDuration);
        async Task HoldOneAsync()
        {
            // Each slot re-opens its connection when the node closes it, until the flood's time or connect count is up.
            while (!flood.IsCancellationRequested && Interlocked.Read(ref opened) < maxConnects)
            {
                using var socket = new TcpClient();
                try
                {
                    await socket.ConnectAsync(node.Host!, node.Port!.Value, flood.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref opened);
                    await socket.GetStream().ReadAsync(new byte[64], flood.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception ex) when (ex is SocketException or IOException)
                {
                    Interlocked.Increment(ref refused);
                    await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }

        var slots = Enumerable.Range(0, context.Profile.FloodConnections).Select(_ => Task.Run(HoldOneAsync, CancellationToken.None)).ToList();
        await Task.Delay(context.Profile.FloodDuration / 3, cancellationToken).ConfigureAwait(false);

        // A legitimate TCP client during the flood.
        var during = await context.FreshClientAsync("flooded", cancellationToken, options).ConfigureAwait(false);
        var memoryDuring = context.Node.ResidentMiB() ?? 0;
        await Task.WhenAll(slots).ConfigureAwait(false);
        var lines = context.Node.LinesPrinted - linesBefore;
        var kib = (context.Node.CharactersPrinted - charsBefore) / 1024.0;
        return new AttackObservation(
            $"{context.Profile.FloodConnections} slots for {Describe.Seconds(context.Profile.FloodDuration)}: {opened} connections opened, {refused} refused; " +
            $"a TCP client before: {before}, during: {during}; node log +{lines} lines ({kib:0} KiB); memory {memoryBefore:0} -> {memoryDuring:0} MiB");
    }
}
