namespace AkkaRpc.Bench.Scenarios;

/// <summary>What one timed request of a workload is.</summary>
internal enum OperationKind
{
    /// <summary>Open a connection (ready for its first request) and close it.</summary>
    Connect = 1,

    /// <summary>Read one seeded row by primary key.</summary>
    PointQuery = 2,

    /// <summary>Insert one row.</summary>
    Insert = 3,

    /// <summary>Store one blob of the payload size.</summary>
    Upload = 4,

    /// <summary>Read back one blob of the payload size.</summary>
    Download = 5,

    /// <summary>Store a whole file of the file size, chunk by chunk.</summary>
    FileUpload = 6,

    /// <summary>Read a whole file of the file size back, chunk by chunk.</summary>
    FileDownload = 7,
}
