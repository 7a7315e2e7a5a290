#!/usr/bin/env bash
# The composition of docker-compose.yml, run for real from scratch: base image (reused when it exists, else
# debootstrap), app image, the AkkaRpc members, a short `akkarpc bench` with scalable workers through them, writers
# that count every acknowledged write, SIGKILL of one member container mid-run, then the check: every acknowledged
# row present, PRAGMA integrity_check ok. Prints the report, and always tears the composition down (also on failure or
# Ctrl+C). Bounded: every wait has a ceiling, the whole run aborts after --max-minutes.
#   scripts/compose-demo.sh [--workers N] [--writers N] [--after-kill S] [--no-publish] [--keep-results DIR]
#                           [--max-minutes M]
# Needs root (or the docker group), docker, docker-compose (or `docker compose`), and for the base image debootstrap.
# Starts dockerd when no engine answers, and stops that one again at the end. Exits 0 when nothing acknowledged was
# lost and the database is intact, 1 otherwise.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
workers=2
writers=3
# The writers go on this long after the kill, then are stopped (docker stop).
after_kill=30
publish=true
keep_results="$repo/artifacts/compose-demo"
max_minutes=25
while (($#)); do
    case "$1" in
        --workers) workers="$2"; shift 2 ;;
        --writers) writers="$2"; shift 2 ;;
        --after-kill) after_kill="$2"; shift 2 ;;
        --no-publish) publish=false; shift ;;
        --keep-results) keep_results="$2"; shift 2 ;;
        --max-minutes) max_minutes="$2"; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "compose-demo.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

project=akkarpc-demo
database=demo
members=(member1 member2 member3)
started=$SECONDS
log() { printf '[%4ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() { log "FAILED: $*"; exit 1; }

# --- The engine ---------------------------------------------------------------------------------------------------
dockerd_pid=""
if ! docker info >/dev/null 2>&1; then
    command -v dockerd >/dev/null || fail "no Docker engine answers and dockerd is not installed (apt-get install -y docker.io docker-compose debootstrap)"
    mkdir -p "$keep_results"
    log "no Docker engine answers: starting dockerd (log: $keep_results/dockerd.log)"
    dockerd >"$keep_results/dockerd.log" 2>&1 &
    dockerd_pid=$!
    for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
    docker info >/dev/null 2>&1 || fail "dockerd did not answer within 30 s; see $keep_results/dockerd.log"
fi
if docker compose version >/dev/null 2>&1; then
    compose=(docker compose -p "$project" -f "$repo/docker-compose.yml")
elif command -v docker-compose >/dev/null; then
    compose=(docker-compose -p "$project" -f "$repo/docker-compose.yml")
else
    fail "neither 'docker compose' nor docker-compose is installed"
fi

# --- Tear-down, always ----------------------------------------------------------------------------------------------
teardown() {
    local rc=$?
    trap - EXIT INT TERM
    # Everything here is best effort: a failing step must not stop the rest of the tear-down.
    set +e
    [[ -n "${watchdog:-}" ]] && kill "$watchdog" 2>/dev/null
    log "tearing down: containers, network and volumes of project $project"
    # Compose v1 cannot stop `run` containers by profile, so the writers and the coordinator go by label first.
    docker ps -aq --filter "label=com.docker.compose.project=$project" | xargs -r docker rm -f >/dev/null 2>&1 || true
    COMPOSE_PROFILES=demo "${compose[@]}" down --volumes --remove-orphans --timeout 10 >/dev/null 2>&1 || true
    if [[ -n "$dockerd_pid" ]]; then
        log "stopping the dockerd this script started (pid $dockerd_pid)"
        kill "$dockerd_pid" 2>/dev/null && wait "$dockerd_pid" 2>/dev/null || true
    fi
    log "done in $((SECONDS - started)) s, exit code $rc"
    exit "$rc"
}
trap teardown EXIT
trap 'exit 130' INT TERM
# The ceiling of the whole run: past it, the script ends itself (and so tears down).
( sleep "$((max_minutes * 60))"; echo "compose-demo.sh: over $max_minutes minutes; aborting" >&2; kill -TERM $$ ) &
watchdog=$!

# --- Images -----------------------------------------------------------------------------------------------------------
t=$SECONDS
"$repo/docker/base-image.sh"
log "base image ready ($((SECONDS - t)) s)"
t=$SECONDS
if $publish; then "$repo/docker/build-image.sh"; else "$repo/docker/build-image.sh" --no-publish; fi
log "app image ready ($((SECONDS - t)) s)"

# --- Up ---------------------------------------------------------------------------------------------------------------
# Leftovers of an earlier, interrupted run would share the volumes: start from nothing.
docker ps -aq --filter "label=com.docker.compose.project=$project" | xargs -r docker rm -f >/dev/null 2>&1 || true
"${compose[@]}" down --volumes --remove-orphans --timeout 5 >/dev/null 2>&1 || true
t=$SECONDS
"${compose[@]}" up -d --no-build "${members[@]}" 2>&1 | sed 's/^/    /'
# $1: service, $2: text its log must show, $3: seconds.
wait_for_log() {
    local deadline=$((SECONDS + $3))
    while ((SECONDS < deadline)); do
        # The log first, then grep: `logs | grep -q` under pipefail can fail with SIGPIPE after grep found the line.
        local text
        text=$("${compose[@]}" logs --no-color "$1" 2>/dev/null || true)
        grep -q -- "$2" <<<"$text" && return 0
        sleep 1
    done
    "${compose[@]}" logs --no-color --tail 30 "$1" >&2 || true
    return 1
}
for member in "${members[@]}"; do
    wait_for_log "$member" "cluster member up" 180 || fail "$member did not become an Up cluster member within 180 s"
done
log "composition up: ${members[*]} Up in one cluster ($((SECONDS - t)) s)"

addresses=()
for member in "${members[@]}"; do addresses+=("akka.rpc.tcp://AkkaRpc@$member:4053"); done

# One `akkarpc query` from a throw-away container of the writer service, through member $1.
query() {
    local address=$1
    shift
    COMPOSE_PROFILES=demo "${compose[@]}" run --rm -T --no-deps --entrypoint env writer \
        "AKKARPC__CLIENT__NODE-ADDRESS=$address" akkarpc query --timeout 20s "$@"
}

# --- Load: the writers, then the bench -----------------------------------------------------------------------------------
# The writers (docker/AckWriter): each inserts numbered rows one at a time through the members in turn and logs every
# acknowledgement; the table is theirs alone.
COMPOSE_PROFILES=demo "${compose[@]}" run -d --no-deps --name "$project-writer" writer \
    --database "$database" --writers "$writers" --seconds 900 --log /results/writers.log "${addresses[@]}" >/dev/null
writers_started=$SECONDS
log "$writers writer(s) started through ${members[*]}"

acks_so_far() {
    { docker exec "$project-writer" cat /results/writers.log 2>/dev/null || true; } | grep -c '^ack ' || true
}
while ((SECONDS < writers_started + 120)) && (($(acks_so_far) == 0)); do sleep 1; done
(($(acks_so_far) > 0)) || fail "no write acknowledged in the writers' first 120 s"

# The member whose akkarpc (pid 1 of its container) holds the database file open is its owner: that is the one to
# kill, so that the cluster has to move the owner. (Any member would do for the check; the owner is the harder case.)
victim=""
for member in "${members[@]}"; do
    if docker exec "$("${compose[@]}" ps -q "$member")" ls -l /proc/1/fd 2>/dev/null | grep -q "/data/$database.db\$"; then
        victim=$member
        break
    fi
done
owner_note="the owner of $database"
[[ -n "$victim" ]] || { victim=${members[$((${#members[@]} - 1))]}; owner_note="no member found holding $database.db open"; }
victim_container=$("${compose[@]}" ps -q "$victim")
# The bench goes through another member (when there is one), which must go on serving across the kill.
bench_member=${members[0]}
for member in "${members[@]}"; do [[ "$member" == "$victim" ]] || { bench_member=$member; break; }; done

BENCH_WORKERS=$workers "${compose[@]}" up -d --no-build --no-deps --scale "bench-worker=$workers" bench-worker 2>&1 | sed 's/^/    /'
# The quick sizes, the load from the workers; the baselines (HTTP, raw socket, in-process SQLite, DotNetty) would
# measure servers in the coordinator's own container, not the composition, so they are left out here.
BENCH_WORKERS=$workers "${compose[@]}" run -d --no-deps --use-aliases --name "$project-coordinator" coordinator \
    bench --config /app/hocon/bench.conf --quick --node "akka.rpc.tcp://AkkaRpc@$bench_member:4053" --transport tcp \
    --workers "$workers" --listen 0.0.0.0:4100 --public-hostname coordinator \
    --skip-http --skip-raw --skip-inprocess --skip-akka-dotnetty \
    --output /results/bench.json --html /results/bench.html >/dev/null
log "bench coordinator and $workers bench-worker(s) started, through $bench_member"

# --- The kill -----------------------------------------------------------------------------------------------------------
# Mid-run: once the bench reports progress past its start (it prints 'step: N%'), at most 120 s on.
deadline=$((SECONDS + 120))
bench_progress=""
while ((SECONDS < deadline)) && [[ -z "$bench_progress" ]]; do
    sleep 1
    bench_progress=$({ docker logs "$project-coordinator" 2>&1 || true; } | grep -E ': [1-9][0-9]*%' | tail -n 1 || true)
done
acked_before=$(acks_so_far)
log "SIGKILL $victim ($owner_note; container ${victim_container:0:12}) after $acked_before acknowledged writes; bench at '${bench_progress:-not started}'"
docker kill --signal KILL "$victim_container" >/dev/null
killed_ms=$(date +%s%3N)
if ((${#members[@]} == 1)); then
    # A single node: nothing else can serve, so it is started again on the same files, as a supervisor would.
    sleep 3
    log "restarting $victim on the same volume"
    docker start "$victim_container" >/dev/null
fi

# --- Wait for the load to end -------------------------------------------------------------------------------------------
# The writers go on through the survivors, then stop on SIGTERM like at the end of their time (logging the outcome of
# an insert still in flight).
sleep "$after_kill"
docker stop --time 20 "$project-writer" >/dev/null
writers_rc=$(timeout 30 docker wait "$project-writer" || echo timeout)
log "writers finished (exit code $writers_rc): $(docker logs "$project-writer" 2>/dev/null | tail -n 1)"
bench_rc=$(timeout 300 docker wait "$project-coordinator" || echo timeout)
log "bench coordinator finished (exit code $bench_rc)"

# --- Results ------------------------------------------------------------------------------------------------------------
rm -rf "$keep_results/results"
mkdir -p "$keep_results"
docker cp "$project-coordinator:/results" "$keep_results/results" >/dev/null
docker logs "$project-coordinator" >"$keep_results/bench.log" 2>&1 || true
docker logs "$project-writer" >"$keep_results/writers.out" 2>&1 || true
"${compose[@]}" logs --no-color "${members[@]}" >"$keep_results/members.log" 2>&1 || true

# A member that was not killed, to read back through.
for ((i = 0; i < ${#members[@]}; i++)); do
    [[ "${members[$i]}" == "$victim" && ${#members[@]} -gt 1 ]] || { survivor=${addresses[$i]}; break; }
done
awk '$1 == "ack" { print $2, $3 }' "$keep_results/results/writers.log" | sort -u >"$keep_results/acked.txt"
query "$survivor" --json "$database" "SELECT writer, seq FROM acked ORDER BY writer, seq" >"$keep_results/rows.json" \
    || fail "could not read the rows back through $survivor"
sed -E 's/.*"writer": ?([0-9]+).*"seq": ?([0-9]+).*/\1 \2/' "$keep_results/rows.json" | sort -u >"$keep_results/rows.txt"
integrity=$(query "$survivor" --json "$database" "PRAGMA integrity_check" | tr -d '\n') || fail "PRAGMA integrity_check did not run"

# How each member ended: only the killed one may be gone (a member that the cluster downed exits with code 1).
member_states=""
for member in "${members[@]}"; do
    state=$(docker inspect --format '{{.State.Status}} (exit code {{.State.ExitCode}})' "$("${compose[@]}" ps -q "$member")" 2>/dev/null || echo unknown)
    member_states+="$member ${state/running (exit code 0)/running}; "
done

acked=$(wc -l <"$keep_results/acked.txt")
failed=$(grep -c '^fail ' "$keep_results/results/writers.log" || true)
present=$(wc -l <"$keep_results/rows.txt")
lost=$(comm -23 "$keep_results/acked.txt" "$keep_results/rows.txt" | wc -l)
unacked_present=$(comm -13 "$keep_results/acked.txt" "$keep_results/rows.txt" | wc -l)
# Failover as a client sees it: from the kill to the first write acknowledged after it (by any writer).
first_ack_ms=$(awk -v k="$killed_ms" '$1 == "ack" && $5 > k && (m == "" || $5 < m) { m = $5 } END { print m }' "$keep_results/results/writers.log")
failover=$([[ -n "$first_ack_ms" ]] && echo "$(((first_ack_ms - killed_ms)))" ms || echo "no write acknowledged after the kill")

echo
echo "=== bench (coordinator output) ==="
# The summary table and what follows it (the full output, with Akka's log lines, is in bench.log).
if grep -q '^ *akkarpc bench *$' "$keep_results/bench.log"; then
    sed -n '/^ *akkarpc bench *$/,$p' "$keep_results/bench.log"
else
    tail -n 40 "$keep_results/bench.log"
fi
echo
echo "=== writes around the kill of $victim ==="
grep '^done ' "$keep_results/results/writers.log" || true
grep '^fail ' "$keep_results/results/writers.log" | sed -n '1,8p' | cut -c1-200 || true
echo
echo "=== check ==="
printf '%-44s %s\n' "acknowledged writes" "$acked"
printf '%-44s %s\n' "failed writes (outcome unknown)" "$failed"
printf '%-44s %s\n' "rows present" "$present"
printf '%-44s %s\n' "acknowledged writes missing (lost)" "$lost"
printf '%-44s %s\n' "rows present whose write failed (allowed)" "$unacked_present"
printf '%-44s %s\n' "kill to first acknowledged write" "$failover"
printf '%-44s %s\n' "PRAGMA integrity_check" "$integrity"
printf '%-44s %s\n' "bench exit code" "$bench_rc"
printf '%-44s %s\n' "members at the end" "${member_states%; }"
echo "results: $keep_results (bench.json, bench.html, writers.log, members.log)"
echo

((acked > 0)) || fail "no write was acknowledged at all"
((lost == 0)) || fail "$lost acknowledged write(s) lost, e.g. (writer seq): $(comm -23 "$keep_results/acked.txt" "$keep_results/rows.txt" | sed -n '1,5p' | tr '\n' ',')"
[[ "$integrity" == *'"ok"'* ]] || fail "integrity_check: $integrity"
log "PASSED: every acknowledged write is present and the database is intact"
