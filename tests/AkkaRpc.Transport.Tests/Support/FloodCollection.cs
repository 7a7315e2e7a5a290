namespace AkkaRpc.Transport.Tests.Support;

/// <summary>Runs the floods alone: two at once, or a flood beside other tests, would measure the machine, not the node.</summary>
[CollectionDefinition(nameof(FloodCollection), DisableParallelization = true)]
public sealed class FloodCollection;
