# The akkarpc command in a container: `akkarpc serve` by default; docker-compose.yml also runs the benchmark
# coordinator and workers from this image.
#   docker build -t akkarpc .
#   docker run --rm -p 4053:4053 -v akkarpc-data:/data akkarpc

# Build stage: the SDK publishes the CLI (framework-dependent; the runtime stage brings the framework).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Build settings first: they change rarely, and every project reads them.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY hocon/ hocon/
RUN dotnet publish src/AkkaRpc.Cli/AkkaRpc.Cli.csproj --configuration Release --output /app --nologo

# Runtime stage: the ASP.NET Core runtime, because `akkarpc bench` serves its HTTP/REST baseline with Kestrel.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# /data holds the databases; ~/.akkarpc the handshake cookie, which must be private to its user (0700 directory,
# 0600 file). Made here so that named volumes mounted on them start with this owner and mode.
RUN mkdir -p /data /results /home/app/.akkarpc \
    && chown app:app /data /results /home/app/.akkarpc \
    && chmod 700 /home/app/.akkarpc
USER app
# 4053: a node's remoting port; 4100: a benchmark coordinator's port for its workers.
EXPOSE 4053 4100
ENTRYPOINT ["dotnet", "/app/akkarpc.dll"]
# A node reachable through a published port (docker run -p 127.0.0.1:4053:4053): bind every interface (the cookie
# guards it) and answer to the address clients on the host use; databases in /data. Akka.Remote drops messages sent
# to any other address of the node, so in docker-compose.yml the node answers to its service name instead.
CMD ["serve", "--config", "/app/hocon/server.conf", "--data-dir", "/data", "--port", "4053", "--remote:tcp:hostname=0.0.0.0", "--remote:tcp:public-hostname=127.0.0.1", "--remote:allow-non-loopback=true"]
