namespace AkkaRpc.Services.Latency;

/// <summary>The measured service: one small call.</summary>
[AkkaRpcService(7390)]
public interface IEcho
{
    /// <summary>Returns <paramref name="text"/>.</summary>
    Task<string> EchoAsync(string text, CancellationToken cancellationToken = default);
}

/// <summary>Echoes.</summary>
internal sealed class Echo : IEcho
{
    public Task<string> EchoAsync(string text, CancellationToken cancellationToken = default) => Task.FromResult(text);
}
