namespace AkkaRpc.Integration.Tests.Cluster;

/// <summary>
/// The cluster tests run alone, after the others: their failure detectors are set short, and a core busy with other
/// tests' processes could make a healthy member look dead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Local cluster";
}
