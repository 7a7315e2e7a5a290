#!/usr/bin/env bash
# Start-up of the akkarpc executable, as a short-lived client sees it (issue 5's targets: cold start <= 150 ms,
# a query against a running node <= 80 ms). Publishes NativeAOT (the shipped build) unless given an executable, then
# prints every run and the median of each measure.
#   scripts/measure-startup.sh [path/to/akkarpc] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
exe="${1:-}"
runs="${2:-5}"
if [[ -z "$exe" ]]; then
  dotnet publish src/AkkaRpc.Cli -c Release -r linux-x64 -o artifacts/akkarpc-aot >/dev/null
  exe=artifacts/akkarpc-aot/akkarpc
fi
work="$(mktemp -d /tmp/akkarpc-startup.XXXXXX)"
trap 'pkill -f -- "--data-dir $work/data" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -m 700 "$work/run"
export AKKARPC_RUNTIME_DIR="$work/run" AKKARPC_DATA_DIR="$work/data" AKKARPC_SERVER="$exe"

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
stop_node() { "$exe" stop >/dev/null; }

cold=(); warm=()
for ((i = 0; i < runs; i++)); do
  stop_node
  cold+=("$(ms "$exe" query orders "SELECT 1")")   # no node: spawn, poll, first row
  warm+=("$(ms "$exe" query orders "SELECT 1")")   # a fresh process against the running node
done
stop_node
echo "cold start (spawn + first row): ${cold[*]} ms; median $(printf '%s\n' "${cold[@]}" | median) ms"
echo "query against a running node:   ${warm[*]} ms; median $(printf '%s\n' "${warm[@]}" | median) ms"
