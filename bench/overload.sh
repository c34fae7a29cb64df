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
# Needs what run.sh needs. Env as run.sh, plus STEPS (16 64 256 1024), WRK_TIMEOUT (2s, wrk's
# default: an answer slower than this counts as a client time-out), PEER_URL and PEER_BODIES (a
# directory with <op>.json bodies for that server, e.g. the shared bench's queries/).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$HERE"

SECS="${SECONDS_:-20}"
WARMUP="${WARMUP:-10}"
PREWARM="${PREWARM:-15}"
STEPS="${STEPS:-16 64 256 1024}"
OPS="${OPS:-posts-nested post-by-slug search}"
WRK_TIMEOUT="${WRK_TIMEOUT:-2s}"
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

# One step: wrk with one connection per thread (see overload.lua); prints one JSON line.
step() { # server url body connections
  local server="$1" url="$2" body="$3" c="$4" raw
  raw="$OUT/raw/$server.$(basename "$body" .json).c$c.txt"
  export BODY_FILE="$body"
  [ "$WARMUP" -gt 0 ] && wrk -t"$c" -c"$c" -d"${WARMUP}s" --timeout "$WRK_TIMEOUT" -s overload.lua "$url" > /dev/null
  local load_before; load_before="$(cut -d' ' -f1 /proc/loadavg)"
  wrk -t"$c" -c"$c" -d"${SECS}s" --timeout "$WRK_TIMEOUT" -s overload.lua "$url" > "$raw"
  grep '^WRKJSON ' "$raw" | sed 's/^WRKJSON //' | jq -c --arg server "$server" --arg op "$(basename "$body" .json)" \
    --argjson c "$c" --arg load "$load_before" '{server: $server, op: $op, connections: $c, load1_before: ($load | tonumber)} + .'
}

: > "$OUT/results.jsonl"
for op in $OPS; do
  for c in $STEPS; do
    step inkwell "$URL" "$OUT/raw/$op.json" "$c" | tee -a "$OUT/results.jsonl"
  done
  if [ -n "${PEER_URL:-}" ] && [ -f "${PEER_BODIES:-}/$op.json" ]; then
    for c in $STEPS; do
      step peer "$PEER_URL" "$PEER_BODIES/$op.json" "$c" | tee -a "$OUT/results.jsonl"
    done
  fi
done

{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "postgresql: $("${PSQL[@]}" -At -d postgres -c 'SHOW server_version')"
  echo "wrk: $(wrk -v 2>&1 | head -1), client time-out $WRK_TIMEOUT, one connection per wrk thread"
  echo "JAVA_OPTS: $JAVA_OPTS"
  echo "Inkwell settings: production profile, defaults (DB_POOL_MAX_SIZE 10, admission derived from it)"
  echo "load: per step ${WARMUP} s warm-up then ${SECS} s measured; ${PREWARM} s pre-warm per operation"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/environment.txt"
"$HERE/overload-report.sh" "$OUT"
echo "bench: report in $OUT/report.md"
