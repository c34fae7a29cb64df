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
#      instead of this tree's), LABEL (the results folder's name). The server inherits the
#      environment, so e.g. OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 measures with tracing.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$HERE"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
SCALE="${SCALE:-1}"
DB="${DB:-$([ "$SCALE" = 1 ] && echo inkwell_bench || echo "inkwell_bench_x$SCALE")}"
PORT="${PORT:-8180}"
SECS="${SECONDS_:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-30}"
PREWARM="${PREWARM:-15}"
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))  # wrk needs a connection per thread
REPEAT="${REPEAT:-1}"
OPS="${OPS:-posts-nested post-by-slug search tag-page nodes}"
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC -XX:NewRatio=1 -Dio.netty.leakDetection.level=disabled}"
URL="http://127.0.0.1:$PORT/graphql"
OUT="$HERE/results/${LABEL:-$(date -u +%Y-%m-%dT%H%M)}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1)

for tool in wrk jq psql curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found (apt-get install -y wrk jq postgresql-client)" >&2; exit 2; }
done
mkdir -p "$OUT/raw"

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "bench: building the jar"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
fi
# JAR=path runs another build (e.g. one without a feature, for a before/after comparison).
JAR="${JAR:-$(ls "$ROOT"/target/inkwell-*.jar | grep -v plain | head -1)}"

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
}
[ -n "${KEEP_SERVER:-}" ] || trap stop_server EXIT

start_server() {
  echo "bench: starting Inkwell on :$PORT (database $DB, JAVA_OPTS=$JAVA_OPTS)"
  SPRING_PROFILES_ACTIVE=prod JWT_SECRET="$(head -c 48 /dev/urandom | base64)" \
    DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_PASSWORD="$PGPASSWORD" DB_NAME="$DB" PORT="$PORT" \
    java $JAVA_OPTS -jar "$JAR" > "$OUT/raw/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench: Inkwell exited; see $OUT/raw/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "bench: Inkwell did not become ready" >&2; exit 1
}

# 1. Data set: Inkwell creates the database and migrates it; the seed fills it once per scale.
start_server
want_posts=$((20000 * SCALE))
have_posts="$("${PSQL[@]}" -At -d "$DB" -c "SELECT count(*) FROM posts")"
if [ "$have_posts" != "$want_posts" ]; then
  echo "bench: seeding $DB at scale $SCALE ($want_posts posts)"
  "${PSQL[@]}" -d "$DB" -c "TRUNCATE users, posts, comments, tags, post_tags RESTART IDENTITY CASCADE"
  "${PSQL[@]}" -d "$DB" -v users=$((2000 * SCALE)) -v posts="$want_posts" -v comments=$((100000 * SCALE)) \
    -v tags=200 -f seed.sql > "$OUT/raw/seed.log"
  "${PSQL[@]}" -d "$DB" -c "VACUUM (ANALYZE) users, posts, comments, tags, post_tags"
fi

# 2. Request bodies.
body() { # name operationName variables-json
  jq -cn --rawfile q "queries/$1.graphql" --arg op "$2" --argjson v "$3" \
    '{query: ($q | split("\n") | map(select(startswith("#") | not)) | join("\n")), operationName: $op, variables: $v}' \
    > "$OUT/raw/$1.json"
}
slug="$("${PSQL[@]}" -At -d "$DB" -c "SELECT slug FROM posts WHERE slug LIKE 'hidden-backups-with-postgresql-%' ORDER BY id LIMIT 1")"
ids="$("${PSQL[@]}" -At -d "$DB" -c "SELECT json_agg(rtrim(translate(encode(convert_to('Post:' || id, 'UTF8'), 'base64'), '+/', '-_'), '=') ORDER BY created_at DESC, id DESC) FROM (SELECT id, created_at FROM posts WHERE published ORDER BY created_at DESC, id DESC LIMIT 50) p")"
body posts-nested PostsNested '{}'
body post-by-slug PostBySlug "{\"slug\":\"$slug\"}"
body search Search '{"q":"serendipity"}'
body tag-page TagPage '{"tag":"postgresql"}'
body nodes Nodes "{\"ids\":$ids}"

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
