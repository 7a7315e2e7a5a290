using Akka.Actor;
using AkkaRpc.Client;
using AkkaRpc.Services.Serialization;

namespace AkkaRpc.Services;

/// <summary>Entry point for callers: a typed proxy for a service found by name, and exclusive sessions on it.</summary>
public static class AkkaRpcServices
{
    /// <summary>
    /// The conventional Unix socket of the host of service <paramref name="name"/>: <c>service-&lt;name&gt;.sock</c> in the
    /// runtime directory (<see cref="AkkaRpcClientOptions.RuntimeDirectory"/>, else <c>AKKARPC_RUNTIME_DIR</c>,
    /// <c>$XDG_RUNTIME_DIR/akkarpc</c> or a per-user temporary directory). A host listening there is found by name alone.
    /// </summary>
    public static string SocketPath(string name, AkkaRpcClientOptions? options = null)
    {
        ValidateName(name);
        return Path.Combine(ClientPaths.RuntimeDirectory(options ?? new AkkaRpcClientOptions()), $"service-{name}.sock");
    }

    /// <summary>
    /// A proxy for the service <paramref name="name"/>, implementing <typeparamref name="TService"/>: its host is looked for
    /// at <paramref name="options"/>' endpoints, the Unix socket defaulting to <see cref="SocketPath"/> of the name. Each
    /// call is a message to the service's actor, with the database client's rules: <see cref="AkkaRpcClientOptions.RequestTimeout"/>
    /// per call, <see cref="ConnectionLostException"/> when the outcome is unknown, and a resend only of what certainly never ran.
    /// </summary>
    /// <exception cref="ServiceNotFoundException">No host of the service answered.</exception>
    /// <exception cref="InvalidOperationException"><typeparamref name="TService"/> has no generated code.</exception>
    public static async Task<TService> GetAsync<TService>(string name, AkkaRpcClientOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
    {
        ValidateName(name);
        var descriptor = ServiceDescriptors.Get<TService>();
        options = (options ?? new AkkaRpcClientOptions()).Clone();
        options.UnixSocket ??= SocketPath(name, options);
        options.Validate();
        var runtime = options.PrivateConnection
            ? ClientRuntime.StartPrivate(options)
            : await ClientRuntime.SharedAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            return descriptor.CreateProxy(new ServiceChannel(await ConnectAsync(runtime, name, options, descriptor, cancellationToken).ConfigureAwait(false), 0));
        }
        catch
        {
            await runtime.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// As <see cref="GetAsync{TService}(string, AkkaRpcClientOptions?, CancellationToken)"/>, through an application's own
    /// actor system that runs AkkaRpc's client remoting (Akka.Hosting: <c>WithAkkaRpcClient()</c>).
    /// </summary>
    public static async Task<TService> GetAsync<TService>(ActorSystem system, string name, AkkaRpcClientOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(system);
        ValidateName(name);
        var descriptor = ServiceDescriptors.Get<TService>();
        options = (options ?? new AkkaRpcClientOptions()).Clone();
        options.UnixSocket ??= SocketPath(name, options);
        options.Validate();
        var runtime = ClientRuntime.Borrow(system, options.LoggerFactory);
        return descriptor.CreateProxy(new ServiceChannel(await ConnectAsync(runtime, name, options, descriptor, cancellationToken).ConfigureAwait(false), 0));
    }

    /// <summary>
    /// Takes the service behind <paramref name="proxy"/> for this caller alone: waits its turn in the queue, then every
    /// other caller's calls wait until the session ends (disposed, idle past <paramref name="lease"/>, or this client's
    /// connection lost).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="proxy"/> is not a generated AkkaRpc proxy, or it is already a session's.</exception>
    /// <exception cref="ServiceSessionException">The host refused the lease (beyond its maximum).</exception>
    public static async Task<ServiceSession<TService>> OpenSessionAsync<TService>(TService proxy, TimeSpan lease, CancellationToken cancellationToken = default)
        where TService : class
    {
        if (proxy is not ServiceProxy { Channel: var channel })
        {
            throw new ArgumentException($"Not an AkkaRpc service proxy (from AkkaRpcServices.GetAsync): {proxy?.GetType().FullName ?? "null"}.", nameof(proxy));
        }

        if (channel.SessionId != 0)
        {
            throw new ArgumentException($"This proxy already calls inside session {channel.SessionId}; sessions do not nest.", nameof(proxy));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var reply = await channel.Connection.RequestAsync(new OpenSession(lease), 0, cancellationToken).ConfigureAwait(false);
        if (reply is not SessionOpened opened)
        {
            throw channel.Connection.ToException(reply);
        }

        var descriptor = ServiceDescriptors.Get<TService>();
        return new ServiceSession<TService>(channel.Connection, opened.SessionId, opened.Lease, descriptor.CreateProxy(new ServiceChannel(channel.Connection, opened.SessionId)));
    }

    /// <summary>Checks a service name: letters, digits, '-', '_' and '.', not starting with '.'; it names a socket file and an actor.</summary>
    /// <exception cref="ArgumentException">It is not such a name.</exception>
    public static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name[0] == '.' || name.Length > 100 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException(
                $"'{name}' is not a service name: use up to 100 ASCII letters, digits, '-', '_' or '.', not starting with '.'.", nameof(name));
        }
    }

    private static async Task<ServiceConnection> ConnectAsync<TService>(ClientRuntime runtime, string name, AkkaRpcClientOptions options, ServiceDescriptor<TService> descriptor, CancellationToken cancellationToken)
        where TService : class
    {
        ServiceSerialization.Ensure(runtime.System, descriptor);
        var locator = new ServiceLocator(runtime, options, name);
        var first = await locator.ResolveAsync(cancellationToken).ConfigureAwait(false);
        return new ServiceConnection(name, runtime, locator, options, system => ServiceSerialization.Ensure(system, descriptor), descriptor.CreateDeclared, first);
    }
}
