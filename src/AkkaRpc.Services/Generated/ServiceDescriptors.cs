using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace AkkaRpc.Services;

/// <summary>The generated descriptors of the service interfaces in the process, registered by the generated code's module initializer.</summary>
public static class ServiceDescriptors
{
    private static readonly ConcurrentDictionary<Type, object> s_descriptors = new();

    /// <summary>Registers the generated descriptor of <typeparamref name="TService"/>; generated code calls it.</summary>
    public static void Register<TService>(ServiceDescriptor<TService> descriptor)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        s_descriptors[typeof(TService)] = descriptor;
    }

    /// <summary>The descriptor of <typeparamref name="TService"/>.</summary>
    /// <exception cref="InvalidOperationException">No generated code for it: the interface lacks <see cref="AkkaRpcServiceAttribute"/> or its project the generator.</exception>
    public static ServiceDescriptor<TService> Get<TService>()
        where TService : class
    {
        if (!s_descriptors.TryGetValue(typeof(TService), out var descriptor))
        {
            // The module initializer that registers it runs when its assembly's code is first used, which naming the
            // interface alone does not do.
            RuntimeHelpers.RunModuleConstructor(typeof(TService).Module.ModuleHandle);
            s_descriptors.TryGetValue(typeof(TService), out descriptor);
        }

        return descriptor as ServiceDescriptor<TService> ?? throw new InvalidOperationException(
            $"{typeof(TService).FullName} has no generated AkkaRpc service code: mark it [AkkaRpcService(serializerId)] and reference " +
            "AkkaRpc.Services.Generator from its project (as an analyzer).");
    }
}
