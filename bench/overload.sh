#!/usr/bin/env bash
# Overload run: drives the feed (a), the post page (b) and search (c) at 16, 64, 256 and 1,024
# connections with Inkwell's production settings, and reports per step the goodput (successful
# answers per second), the p99 of successful answers, sheds (503), other errors and client
# time-outs, and the goodput relative to 16 connections. Writes report.md and the raw runs under
# bench/results/<date>-overload/.
#
#   bench/overload.sh
#   SECONDS_=20 WARMUP=10 STEPS="16 256" OPS="posts-nested" bench/overload.sh
#   PEER_URL=http://127.0.0.1:5678/graphql PEER_BODIES=/path/to/queries bench/overload.sh   # also a peer
#
# Needs what run.sh needs. Env as run.sh, plus STEPS (16 64 256 1024), ROUNDS (3), WRK_TIMEOUT (2s, wrk's
# default: an answer slower than this counts as a client time-out), PROBE (64: connections that
# time their successes, one wrk thread each; the rest are driven by two threads), PEER_URL and PEER_BODIES (a
# directory with <op>.json bodies for that server, e.g. the shared bench's queries/).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$HERE"

SECS="${SECONDS_:-20}"
WARMUP="${WARMUP:-10}"
PREWARM="${PREWARM:-120}"
STEPS="${STEPS:-16 64 256 1024}"
# The steps are run this many times in turn, and the report gives each step's median: on two
# shared cores one run can be 20% off its neighbours (the JIT is still at work minutes after start).
ROUNDS="${ROUNDS:-3}"
OPS="${OPS:-posts-nested post-by-slug search}"
WRK_TIMEOUT="${WRK_TIMEOUT:-2s}"
PROBE="${PROBE:-64}"
OUT="$HERE/results/${LABEL:-$(date -u +%Y-%m-%d)-overload}"
# 1,024 client sockets plus as many on the server side, in this one machine.
ulimit -n "$(ulimit -Hn)"  # as high as allowed; 1,024 connections need well over 2,048 descriptors
source "$HERE/common.sh"

source "$HERE/server.sh"

if [ "$PREWARM" -gt 0 ]; then
  echo "bench: pre-warming, ${PREWARM} s per operation"
  for op in $OPS; do
    BODY_FILE="$OUT/raw/$op.json" wrk -t2 -c16 -d"${PREWARM}s" -s post.lua "$URL" > /dev/null
  done
fi

# One step at c connections. Up to PROBE connections: wrk with one connection per thread, which
# times each success (see overload.lua). Beyond that, PROBE such connections time successes as a
# sample while a second wrk drives the other c - PROBE connections from two threads and only
# counts: 1,024 wrk threads would take a large share of the machine's two cores from the server.
# Prints one JSON line: counts summed over both, latencies from the sample.
drive() { # url connections seconds raw-prefix
  local url="$1" c="$2" secs="$3" raw="$4" probe="$PROBE" bulk_pid=""
  [ "$c" -le "$probe" ] && probe="$c"
  if [ "$c" -gt "$probe" ]; then
    TIMING=0 wrk -t2 -c"$((c - probe))" -d"${secs}s" --timeout "$WRK_TIMEOUT" -s overload.lua "$url" > "$raw.bulk.txt" &
    bulk_pid=$!
  else
    echo 'WRKJSON {}' > "$raw.bulk.txt"
  fi
  wrk -t"$probe" -c"$probe" -d"${secs}s" --timeout "$WRK_TIMEOUT" -s overload.lua "$url" > "$raw.txt"
  [ -n "$bulk_pid" ] && wait "$bulk_pid"
  jq -n -c --argjson probe "$(grep '^WRKJSON ' "$raw.txt" | sed 's/^WRKJSON //')" \
    --argjson bulk "$(grep '^WRKJSON ' "$raw.bulk.txt" | sed 's/^WRKJSON //')" --argjson n "$probe" '
    def sum(k): ($probe[k] // 0) + ($bulk[k] // 0);
    {requests: sum("requests"), duration_s: $probe.duration_s, ok: sum("ok"), goodput: sum("goodput"),
     ok_p50_ms: $probe.ok_p50_ms, ok_p99_ms: $probe.ok_p99_ms, ok_max_ms: $probe.ok_max_ms,
     timed_connections: $n, timed_ok: $probe.ok, shed_503: sum("shed_503"), other_non2xx: sum("other_non2xx"),
     gql_errors: sum("gql_errors"), timeouts: sum("timeouts"), socket_errors: sum("socket_errors")}'
}

# Where the two cores went during a step: CPU time (user + system, clock ticks) of the server's and
# the database's processes, and of the whole machine (the rest is mostly wrk). A process that starts
# during the step (a pooled connection opened late) counts from zero; one that ends is left out.
ticks() { # pid... -> "pid ticks" lines
  local p; for p in "$@"; do [ -r "/proc/$p/stat" ] && awk -v p="$p" '{ print p, $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done; true
}
ticks_spent() { # before-lines after-lines -> ticks spent by the processes alive at the end
  awk 'NR == FNR { before[$1] = $2; next } { spent += $2 - ($1 in before ? before[$1] : 0) } END { print spent + 0 }' \
    <(echo "$1") <(echo "$2")
}
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
server_pids() { if [ "$1" = inkwell ]; then echo "$SERVER_PID"; else pgrep -x node || true; fi; }

step() { # server url body connections
  local server="$1" url="$2" body="$3" c="$4" raw
  raw="$OUT/raw/$server.$(basename "$body" .json).c$c.r${round:-1}"
  export BODY_FILE="$body"
  [ "$WARMUP" -gt 0 ] && drive "$url" "$c" "$WARMUP" "$raw.warmup" > /dev/null
  local load_before; load_before="$(cut -d' ' -f1 /proc/loadavg)"
  local s0 d0 b0 s1 d1 b1
  # shellcheck disable=SC2046
  s0="$(ticks $(server_pids "$server"))"; d0="$(ticks $(pgrep -x postgres))"; b0="$(busy_ticks)"
  drive "$url" "$c" "$SECS" "$raw" > "$raw.json"
  # shellcheck disable=SC2046
  s1="$(ticks $(server_pids "$server"))"; d1="$(ticks $(pgrep -x postgres))"; b1="$(busy_ticks)"
  jq -c --arg server "$server" --arg op "$(basename "$body" .json)" --argjson c "$c" --arg load "$load_before" \
    --argjson hz "$(getconf CLK_TCK)" --argjson secs "$SECS" \
    --argjson s "$(ticks_spent "$s0" "$s1")" --argjson d "$(ticks_spent "$d0" "$d1")" --argjson b "$((b1 - b0))" \
    '{server: $server, op: $op, connections: $c, load1_before: ($load | tonumber)} + .
     + {cpu_server_cores: ($s / $hz / $secs), cpu_db_cores: ($d / $hz / $secs), cpu_busy_cores: ($b / $hz / $secs)}' "$raw.json"
  rm -f "$raw.json" "$raw.warmup.txt" "$raw.warmup.bulk.txt"
}

# Every step of one server and operation, ROUNDS times in turn; one JSON line per run.
rounds() { # server url body
  for round in $(seq "$ROUNDS"); do
    for c in $STEPS; do
      step "$1" "$2" "$3" "$c" | jq -c --argjson round "$round" '. + {round: $round}' | tee -a "$OUT/results.jsonl"
    done
  done
}

: > "$OUT/results.jsonl"
for op in $OPS; do
  rounds inkwell "$URL" "$OUT/raw/$op.json"
  if [ -n "${PEER_URL:-}" ] && [ -f "${PEER_BODIES:-}/$op.json" ]; then
    rounds peer "$PEER_URL" "$PEER_BODIES/$op.json"
  fi
done

{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "postgresql: $("${PSQL[@]}" -At -d postgres -c 'SHOW server_version')"
  echo "wrk: $(wrk -v 2>&1 | head -1), client time-out $WRK_TIMEOUT; up to $PROBE connections one per wrk thread (these time successes), the rest from a second wrk with two threads"
  echo "JAVA_OPTS: $JAVA_OPTS"
  echo "Inkwell settings: production profile, defaults (DB_POOL_MAX_SIZE 10, admission derived from it)"
  echo "load: per step ${WARMUP} s warm-up then ${SECS} s measured, steps ($STEPS) run $ROUNDS times in turn; ${PREWARM} s pre-warm per operation"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/environment.txt"
"$HERE/overload-report.sh" "$OUT"
echo "bench: report in $OUT/report.md"
