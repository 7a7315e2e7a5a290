#!/usr/bin/env bash
# Makes the Debian base image the Dockerfile builds on, without any image registry: `debootstrap --variant=minbase`
# into a folder, then `docker import`. Reuses the image when it exists already (debootstrap takes a minute or more).
#   docker/base-image.sh [--image NAME] [--mirror URL] [--rebuild]
# Needs root, debootstrap and a running Docker engine.
set -euo pipefail

image=akkarpc-base:bookworm
# The Debian mirror apt already uses on this machine, so debootstrap goes where apt is allowed to go.
mirror=""
rebuild=false
while (($#)); do
    case "$1" in
        --image) image="$2"; shift 2 ;;
        --mirror) mirror="$2"; shift 2 ;;
        --rebuild) rebuild=true; shift ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
        *) echo "base-image.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

if ! $rebuild && docker image inspect "$image" >/dev/null 2>&1; then
    echo "base image $image exists; reusing it"
    exit 0
fi

if [[ -z "$mirror" ]]; then
    # deb822 sources (URIs: ...) or a classic sources.list line (deb URL suite ...); the first Debian one wins.
    mirror=$(grep -hoE '^(URIs:|deb) +https?://[^ ]+' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
        | awk '{print $2}' | grep -v security | head -n1 || true)
    mirror=${mirror:-http://deb.debian.org/debian}
fi
command -v debootstrap >/dev/null || { echo "base-image.sh: debootstrap is missing (apt-get install -y debootstrap)" >&2; exit 1; }

rootfs=$(mktemp -d /var/tmp/akkarpc-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT
start=$SECONDS
echo "debootstrap --variant=minbase bookworm from $mirror ..."
# libssl3: .NET's HMAC (the transport's cookie handshake) and hashing go through OpenSSL; without it the runtime
# aborts at the first use with "No usable version of libssl was found". Everything else .NET needs (libc, libgcc,
# libstdc++, zlib) is in minbase; libicu is not needed, the build uses invariant globalization.
debootstrap --variant=minbase --include=libssl3 bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
    || { tail -n 20 "$rootfs.log" >&2; rm -f "$rootfs.log"; exit 1; }
rm -f "$rootfs.log"
# Package lists and caches are of no use in the image.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - "$image" >/dev/null
echo "base image $image made in $((SECONDS - start)) s"
