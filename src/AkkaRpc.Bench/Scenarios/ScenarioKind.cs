namespace AkkaRpc.Bench.Scenarios;

/// <summary>rpycbench's five scenarios, and the pipelined one of <c>bench remote</c>.</summary>
internal enum ScenarioKind
{
    /// <summary>Serial connects.</summary>
    Connection = 1,

    /// <summary>One client, one request at a time.</summary>
    Latency = 2,

    /// <summary>Blobs of 1 KB to 1 MB each way.</summary>
    Bandwidth = 3,

    /// <summary>Large files in chunks, memory bounded.</summary>
    BinaryTransfer = 4,

    /// <summary>Many clients at once.</summary>
    Concurrency = 5,

    /// <summary>One client keeping many requests outstanding on its one connection.</summary>
    Pipelined = 6,
}
