# The akkarpc command in a container, built from a self-contained `dotnet publish` made on the host and a Debian base
# image made locally with debootstrap: no image registry is needed (none is reachable on our machines).
#   docker/build-image.sh                          # base image if missing, publish, then this build -> akkarpc:local
#   docker run --rm -p 127.0.0.1:4053:4053 -v akkarpc-data:/data akkarpc:local
# Where a registry is reachable, any Debian bookworm image does as the base:
#   docker/build-image.sh --base debian:bookworm-slim
# By default a container runs `akkarpc serve` on port 4053 with databases in /data; docker-compose.yml also runs
# cluster members, the benchmark coordinator and its workers from this image.

# akkarpc-base:bookworm is `debootstrap --variant=minbase bookworm` imported with `docker import`
# plus libssl3 (docker/base-image.sh). The published runtime needs libc, libgcc, libstdc++ and zlib from it, and
# libssl3 for the cookie handshake's HMAC; the build uses invariant globalization, so no libicu.
ARG BASE_IMAGE=akkarpc-base:bookworm
FROM ${BASE_IMAGE}

# A non-root user. /data holds the databases, /results the bench reports, ~/.akkarpc the handshake cookie, which
# must be private to its user (0700 directory, 0600 file). Made here so that named volumes mounted on them start
# with this owner and mode.
RUN useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin app \
    && mkdir -p /data /results /home/app/.akkarpc \
    && chown app:app /data /results /home/app/.akkarpc \
    && chmod 700 /home/app/.akkarpc

# The self-contained publish output (runtime and ASP.NET Core included, for the bench's HTTP baseline), made by
# docker/build-image.sh; .dockerignore keeps everything else out of the context.
COPY artifacts/docker/publish/ /app/

USER app
WORKDIR /home/app
ENV PATH=/app:$PATH \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# 4053: a node's remoting port; 4100: a benchmark coordinator's port for its workers.
EXPOSE 4053 4100
ENTRYPOINT ["/app/akkarpc"]
# A node reachable through a published port (docker run -p 127.0.0.1:4053:4053): bind every interface (the cookie
# guards it) and answer to the address clients on the host use; databases in /data. Akka.Remote drops messages sent
# to any other address of the node, so in docker-compose.yml each member answers to its service name instead.
CMD ["serve", "--config", "/app/hocon/server.conf", "--data-dir", "/data", "--port", "4053", "--remote:tcp:hostname=0.0.0.0", "--remote:tcp:public-hostname=127.0.0.1", "--remote:allow-non-loopback=true"]
