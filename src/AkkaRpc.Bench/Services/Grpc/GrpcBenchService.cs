using Google.Protobuf;
using global::Grpc.Core;

namespace AkkaRpc.Bench.Services.Grpc;

/// <summary>The echo/compute service as a gRPC user writes it: the server base class Grpc.Tools generated from <c>bench_service.proto</c>.</summary>
internal sealed class GrpcBenchService : BenchService.BenchServiceBase
{
    /// <inheritdoc/>
    public override Task<Payload> Echo(Payload request, ServerCallContext context) => Task.FromResult(new Payload { Data = request.Data });

    /// <inheritdoc/>
    public override Task<ComputeReply> Compute(ComputeRequest request, ServerCallContext context) =>
        Task.FromResult(new ComputeReply { Sum = unchecked(request.A + request.B) });

    /// <inheritdoc/>
    public override Task<Length> Upload(Payload request, ServerCallContext context) => Task.FromResult(new Length { Bytes = request.Data.Length });

    /// <inheritdoc/>
    public override Task<Payload> Download(Length request, ServerCallContext context)
    {
        if (ServiceCalls.DownloadRefusal(request.Bytes) is { } reason)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, reason));
        }

        // Wrapped, not copied: the shared source is never written, as the other systems answer from it too.
        return Task.FromResult(new Payload { Data = UnsafeByteOperations.UnsafeWrap(ServiceCalls.Source.AsMemory(0, request.Bytes)) });
    }
}
