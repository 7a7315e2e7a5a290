#!/usr/bin/env bash
# Builds the akkarpc:local image: the base image (made once, see base-image.sh), a self-contained `dotnet publish` of
# src/AkkaRpc.Cli (and of the demo's docker/AckWriter) for linux-x64 into artifacts/docker/publish, then
# `docker build` of the Dockerfile on it.
#   docker/build-image.sh [--base IMAGE] [--tag NAME] [--no-publish]
# --base: another Debian bookworm image (e.g. debian:bookworm-slim where a registry is reachable); then no
# debootstrap. --no-publish: reuse artifacts/docker/publish as it is.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
base=akkarpc-base:bookworm
tag=akkarpc:local
publish=true
while (($#)); do
    case "$1" in
        --base) base="$2"; shift 2 ;;
        --tag) tag="$2"; shift 2 ;;
        --no-publish) publish=false; shift ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "build-image.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

if [[ "$base" == akkarpc-base:* ]]; then
    "$repo/docker/base-image.sh" --image "$base"
fi

out="$repo/artifacts/docker/publish"
if $publish; then
    start=$SECONDS
    # JIT, not NativeAOT: a runtime identifier turns PublishAot on in AkkaRpc.Cli.csproj, and the native build takes
    # minutes and keeps only the assemblies it lists whole; a container starts each process once, so the JIT's
    # start-up cost matters little there.
    rm -rf "$out"
    dotnet publish "$repo/src/AkkaRpc.Cli" -c Release -r linux-x64 --self-contained true -p:PublishAot=false \
        -o "$out" --nologo -v quiet >/dev/null
    # The writer of scripts/compose-demo.sh, beside akkarpc: the same runtime and the same package versions (central
    # package management), so the two self-contained apps share every file but their own.
    dotnet publish "$repo/docker/AckWriter" -c Release -r linux-x64 --self-contained true -o "$out" --nologo -v quiet >/dev/null
    # Debug symbols and XML docs are of no use in the image (about a tenth of its size).
    find "$out" \( -name '*.pdb' -o -name '*.xml' -o -name '*.dbg' \) -delete
    echo "published src/AkkaRpc.Cli and docker/AckWriter (self-contained, linux-x64) in $((SECONDS - start)) s"
elif [[ ! -x "$out/akkarpc" ]]; then
    echo "build-image.sh: --no-publish, but $out/akkarpc does not exist" >&2
    exit 1
fi

start=$SECONDS
docker build --quiet --build-arg "BASE_IMAGE=$base" -t "$tag" "$repo" >/dev/null
echo "image $tag built on $base in $((SECONDS - start)) s"
