#!/usr/bin/env bash
# Start-up of the akkarpc executable as a short-lived client sees it (issue 10's targets for the native build: a query
# against a running node <= 80 ms, a cold start <= 150 ms), for the JIT, ReadyToRun and NativeAOT builds in one session.
#
#   scripts/measure-startup.sh [--runs N] [--no-build] [label=path/to/akkarpc ...]
#
# Without executables it builds the three into artifacts/startup/ (publish is slow: minutes) and measures them:
#   jit     dotnet build -c Release                        (the apphost, src/AkkaRpc.Cli/bin/Release/net10.0/akkarpc)
#   r2r     dotnet publish -c Release -r linux-x64 -p:PublishAot=false -p:PublishReadyToRun=true
#   native  dotnet publish -c Release -r linux-x64         (NativeAOT, the shipped build)
# --no-build measures what artifacts/startup/ already holds. The runs are interleaved (each round runs every build
# once), so a busy machine slows all of them alike. Each build has its own runtime and data directory, and the node a
# cold start spawns is that same build. Measures, per run:
#   cold  no node: the client spawns one, polls until it answers, and prints the first row (the node is then running)
#   query a fresh client process against that running node
# Prints each build's median, the spread (min-max) and the median CPU time of the client process (user+sys; less
# sensitive to a busy machine than the wall clock, but not immune), with the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
build=1
declare -a labels=() exes=()
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | cut -c3-; exit 0 ;;
    *=*) labels+=("${1%%=*}"); exes+=("$(realpath "${1#*=}")"); shift ;;
    *) labels+=("$(basename "$1")"); exes+=("$(realpath "$1")"); shift ;;
  esac
done

if ((${#exes[@]} == 0)); then
  out=artifacts/startup
  if ((build)); then
    echo "building jit, r2r and native (minutes) ..." >&2
    dotnet build src/AkkaRpc.Cli -c Release -v:q -nologo >/dev/null
    dotnet publish src/AkkaRpc.Cli -c Release -r linux-x64 -p:PublishAot=false -p:PublishReadyToRun=true -o "$out/r2r" -v:q -nologo >/dev/null
    dotnet publish src/AkkaRpc.Cli -c Release -r linux-x64 -o "$out/native" -v:q -nologo >/dev/null
  fi
  labels=(jit r2r native)
  exes=("$PWD/src/AkkaRpc.Cli/bin/Release/net10.0/akkarpc" "$PWD/$out/r2r/akkarpc" "$PWD/$out/native/akkarpc")
fi
for exe in "${exes[@]}"; do
  [[ -x "$exe" ]] || { echo "error: $exe is not an executable; build it or drop --no-build" >&2; exit 2; }
done

work="$(mktemp -d /tmp/akkarpc-startup.XXXXXX)"
cleanup() {
  for i in "${!exes[@]}"; do stop_node "$i" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Runs one build's akkarpc with its own runtime and data directory; a spawned node is the same executable.
run() {
  local i="$1"; shift
  AKKARPC_RUNTIME_DIR="$work/$i/run" AKKARPC_DATA_DIR="$work/$i/data" AKKARPC_SERVER="${exes[$i]}" "${exes[$i]}" "$@"
}

# Stops build i's node and waits (at most 10 s) until its process is gone, so the next cold start really is one.
stop_node() {
  local i="$1" line pid
  line="$(run "$i" stop 2>/dev/null)" || return 0
  for pid in $(grep -o '[0-9]\+' <<<"${line#*pid}" || true); do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
}

# Prints "wall_ms cpu_ms" of one client command: wall clock, and the user+sys CPU of that process (bash's time).
measure() {
  local i="$1"; shift
  local TIMEFORMAT='%3R %3U %3S' t
  t="$({ time run "$i" "$@" >/dev/null 2>&1; } 2>&1)"
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' <<<"$t"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
spread() { sort -n | awk 'NR==1{min=$1} {max=$1} END {print min "-" max}'; }

declare -A cold_wall cold_cpu warm_wall warm_cpu
for i in "${!exes[@]}"; do
  mkdir -p -m 700 "$work/$i/run"
  # One untimed round: files in the page cache, the database created, the cookie made.
  run "$i" query orders "SELECT 1" >/dev/null
  stop_node "$i"
done

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 0; r < runs; r++)); do
  for i in "${!exes[@]}"; do
    read -r w c < <(measure "$i" query orders "SELECT 1")   # no node: spawn, poll, first row
    cold_wall[$i]+="$w "; cold_cpu[$i]+="$c "
    read -r w c < <(measure "$i" query orders "SELECT 1")   # a fresh process against the running node
    warm_wall[$i]+="$w "; warm_cpu[$i]+="$c "
    stop_node "$i"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

col() { tr ' ' '\n' <<<"$1" | grep . | "$2"; }
echo "akkarpc start-up, $runs runs each, interleaved; $(nproc) cores; load average before: $load_before, after: $load_after"
printf '%-8s | %-34s | %-34s\n' build "query, running node: median (spread) cpu" "cold start: median (spread) cpu"
for i in "${!exes[@]}"; do
  printf '%-8s | %6s ms (%11s) cpu %4s ms | %6s ms (%11s) cpu %4s ms\n' "${labels[$i]}" \
    "$(col "${warm_wall[$i]}" median)" "$(col "${warm_wall[$i]}" spread)" "$(col "${warm_cpu[$i]}" median)" \
    "$(col "${cold_wall[$i]}" median)" "$(col "${cold_wall[$i]}" spread)" "$(col "${cold_cpu[$i]}" median)"
done
for i in "${!exes[@]}"; do
  echo "${labels[$i]} runs (ms): query ${warm_wall[$i]}| cold ${cold_wall[$i]}"
done
