#!/usr/bin/env bash
# Inkwell's own benchmark. Builds a deterministic data set, starts Inkwell with production
# settings, checks and counts the SQL statements of each operation, drives each with wrk, and
# writes a report (Markdown + SVG chart) under bench/results/<timestamp>/.
#
#   bench/run.sh                      # standard size: 2,000 users, 20,000 posts, 100,000 comments
#   SCALE=10 bench/run.sh             # ten times the data
#   SECONDS_=20 CONNECTIONS=16 PREWARM=15 WARMUP=10 REPEAT=1 OPS="posts-nested search" bench/run.sh
#
# Needs: JDK 17+, PostgreSQL reachable as for the tests (127.0.0.1:5432, postgres/postgres, or
# PGHOST/PGPORT/PGUSER/PGPASSWORD), and `apt-get install -y wrk jq` (psql comes with PostgreSQL).
# Env: JAVA_OPTS (default: the production settings the README recommends), PORT (8180),
#      DB (inkwell_bench, or inkwell_bench_x<SCALE>), SKIP_BUILD=1, KEEP_SERVER=1, JAR (a jar to run
#      instead of this tree's), LABEL (the results folder's name), READY_SECONDS (120: how long
#      start-up may take; a busy machine needs longer). The server inherits the
#      environment, so e.g. OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 measures with tracing.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$HERE"

SECS="${SECONDS_:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-30}"
PREWARM="${PREWARM:-15}"
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))  # wrk needs a connection per thread
REPEAT="${REPEAT:-1}"
OPS="${OPS:-posts-nested post-by-slug search tag-page nodes}"
OUT="$HERE/results/${LABEL:-$(date -u +%Y-%m-%dT%H%M)}"
source "$HERE/common.sh"

# Server start, data set and request bodies (1 and 2).
source "$HERE/server.sh"

# 3. One unrecorded pass over every operation first: on two cores the JIT compiler is busy for
#    minutes after start, and the first operation measured would otherwise pay for all of it.
if [ "$PREWARM" -gt 0 ]; then
  echo "bench: pre-warming, ${PREWARM} s per operation"
  for op in $OPS; do
    BODY_FILE="$OUT/raw/$op.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${PREWARM}s" -s post.lua "$URL" > /dev/null
  done
fi

# 4. Each operation: one checked answer, its SQL statement count, then load.
xacts() { "${PSQL[@]}" -At -d postgres -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$DB'"; }
: > "$OUT/results.jsonl"
for op in $OPS; do
  code="$(curl -s -o "$OUT/raw/$op.response.json" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$OUT/raw/$op.json" "$URL")"
  if [ "$code" != 200 ] || ! jq -e '(has("errors") | not) and .data != null' "$OUT/raw/$op.response.json" >/dev/null; then
    echo "bench: $op answered HTTP $code with errors or no data:" >&2; head -c 1000 "$OUT/raw/$op.response.json" >&2; exit 3
  fi
  # Every statement runs in its own (auto-commit) transaction, so PostgreSQL's transaction
  # counter counts them; its statistics are flushed within about 10 s of going idle.
  sleep 11; before="$(xacts)"
  for _ in $(seq 1 20); do curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$OUT/raw/$op.json" "$URL"; done
  sleep 11; after="$(xacts)"
  statements="$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.1f", (a - b) / 20 }')"
  for run in $(seq 1 "$REPEAT"); do
    export BODY_FILE="$OUT/raw/$op.json"
    [ "$WARMUP" -gt 0 ] && wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s post.lua "$URL" > /dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECS}s" --latency -s post.lua "$URL" > "$OUT/raw/$op.wrk.$run.txt"
    rss_kb="$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')"
    line="$(grep '^WRKJSON ' "$OUT/raw/$op.wrk.$run.txt" | sed 's/^WRKJSON //')"
    echo "$line" | jq -c --arg op "$op" --argjson run "$run" --argjson statements "$statements" \
      --argjson rss_mb "$((rss_kb / 1024))" --argjson connections "$CONNECTIONS" --argjson scale "$SCALE" \
      '{op: $op, run: $run, scale: $scale, connections: $connections, statements_per_request: $statements, rss_mb: $rss_mb} + .' \
      | tee -a "$OUT/results.jsonl"
  done
done

# 5. Report.
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "postgresql: $("${PSQL[@]}" -At -d postgres -c 'SHOW server_version')"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "JAVA_OPTS: $JAVA_OPTS"
  echo "load: $CONNECTIONS connections, ${PREWARM} s pre-warm per operation, then per operation ${WARMUP} s warm-up and ${SECS} s measured, $REPEAT run(s)"
} > "$OUT/environment.txt"
"$HERE/report.sh" "$OUT"
echo "bench: report in $OUT/report.md"
