using AkkaRpc.Bench.Api;

namespace AkkaRpc.Bench.Tests.Api;

public sealed class BenchmarkContextTests
{
    [Fact]
    public void MeasuredRequests_AreTimed_AndRecordedOutcomesCounted()
    {
        var context = new BenchmarkContext("lookup", "akkarpc");
        for (int i = 0; i < 10; i++)
        {
            using (context.MeasureRequest(bytesSent: 100))
            {
                context.RecordRequest(success: i != 3);
            }
        }

        using (context.MeasureConnection())
        {
        }

        var results = context.GetResults();
        Assert.Equal(10, results.TotalRequests);
        Assert.Equal(1, results.FailedRequests);
        Assert.Equal(0.9, results.SuccessRate, 6);
        Assert.Equal(10, results.Latency!.Count);
        Assert.True(results.Latency.Min <= results.Latency.Median && results.Latency.Median <= results.Latency.Max);
        Assert.Equal(1, results.ConnectionTime!.Count);
        Assert.True(results.UploadBytesPerSecond > 0);
    }

    [Fact]
    public void DisposingAScopeTwice_RecordsItOnce()
    {
        var context = new BenchmarkContext("lookup", "http");
        var scope = context.MeasureRequest();
        scope.Dispose();
        scope.Dispose();

        Assert.Equal(1, context.GetResults().Latency!.Count);
        Assert.Null(context.GetResults().ConnectionTime);
    }
}
