using Akka.Actor;
using AkkaRpc.Client;
using AkkaRpc.Transport;

namespace AkkaRpc.Services;

/// <summary>
/// Finds the host of a service: asks <c>/user/services</c> at each endpoint the client options name (the Unix socket,
/// by default the service's own in the runtime directory, then the TCP range, or only the explicit node address) for
/// the service by name. Hosts are applications, so nothing is ever spawned.
/// </summary>
internal sealed class ServiceLocator(ClientRuntime runtime, AkkaRpcClientOptions options, string name)
{
    /// <summary>The path of a host's service registry.</summary>
    public const string RegistryName = "services";

    private readonly IReadOnlyList<Address> _endpoints = runtime.LocatorFor(options).Endpoints;

    /// <summary>Resolves the service's actor.</summary>
    /// <exception cref="ServiceNotFoundException">No endpoint answered with the service; the message says what each said.</exception>
    public async Task<(Address Node, IActorRef Service)> ResolveAsync(CancellationToken cancellationToken)
    {
        var skipped = new List<string>();
        foreach (var endpoint in _endpoints)
        {
            if (UnixSocketAddress.TryGetSocketPath(endpoint, out var socket) && !File.Exists(socket))
            {
                skipped.Add($"{socket}: no socket file");
                continue;
            }

            try
            {
                var reply = await runtime.AskAsync<ServiceReply>(
                    runtime.System.ActorSelection(new RootActorPath(endpoint) / "user" / RegistryName), endpoint, new ResolveService(name), options.RequestTimeout, cancellationToken).ConfigureAwait(false);
                switch (reply)
                {
                    case ServiceResolved resolved:
                        return (endpoint, resolved.Service);
                    case ServiceNotFound:
                        skipped.Add($"{Describe(endpoint)}: its host has no service '{name}'");
                        break;
                    default:
                        skipped.Add($"{Describe(endpoint)}: answered {reply.GetType().Name}");
                        break;
                }
            }
            catch (AssociationLostException e)
            {
                skipped.Add($"{Describe(endpoint)}: {e.Reason}");
            }
            catch (AskTimeoutException)
            {
                skipped.Add($"{Describe(endpoint)}: no service host answered within {options.RequestTimeout.TotalSeconds:0.#} s");
            }
        }

        throw new ServiceNotFoundException(
            $"No host of the service '{name}' answered. Start the application that hosts it (WithAkkaRpcService), or point " +
            $"the client at it (UnixSocket, TCP port range or NodeAddress). Looked at:{Environment.NewLine}" +
            string.Join(Environment.NewLine, skipped.Select(s => "  " + s)));
    }

    private static string Describe(Address endpoint) => UnixSocketAddress.TryGetSocketPath(endpoint, out var socket) ? socket : $"{endpoint.Host}:{endpoint.Port}";
}
