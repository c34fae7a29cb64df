#!/usr/bin/env bash
# How long Inkwell takes to adopt a FastAPI tutorial database of the standard data set's size
# (SCALE=1: 2,000 users, 20,000 posts, 100,000 comments, 200 tags; SCALE=10 for ten times that).
#
# Builds the tutorial's database as its models make it (src/test/resources/fastapi-tutorial:
# create_all's DDL, Alembic's table and the tutorial's hand-run indexes, GIN index included),
# fills it with bench/seed.sql, then measures on copies of it:
#   1. the adoption script alone, as psql runs it by hand (one transaction), and its second run
#      (what an adoption interrupted before its baseline costs on the next start);
#   2. Inkwell itself: the packaged jar started on the tutorial database, its own log line
#      ("Adopted database ... in N ms": script and Flyway baseline) and the time until it serves.
# Writes bench/results/<date>-adoption/report.md.
#
#   bench/adoption.sh                  # SCALE=1
#   SCALE=10 SKIP_BUILD=1 bench/adoption.sh
#
# Needs: PostgreSQL as for the tests (127.0.0.1:5432, postgres/postgres, or PGHOST/PGPORT/PGUSER/
# PGPASSWORD), psql, curl, JDK 17+. Env: SKIP_BUILD=1 (use the jar in target/), PORT (8181).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
SCALE="${SCALE:-1}"
PORT="${PORT:-8181}"
DB="inkwell_adoption_bench_$$"
OUT="$HERE/results/${LABEL:-$(date -u +%Y-%m-%dT%H%M)-adoption}"
TUTORIAL="$ROOT/src/test/resources/fastapi-tutorial"
SCRIPT="$ROOT/src/main/resources/db/adoption/fastapi-tutorial.sql"
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
mkdir -p "$OUT"

SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  for db in "$DB" "${DB}_psql" "${DB}_inkwell"; do
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true
  done
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "adoption: building the jar"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
fi
JAR="$(ls "$ROOT"/target/inkwell-*.jar | grep -v plain | head -1)"

ms() { date +%s%3N; }
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "adoption: building the tutorial's database $DB (SCALE=$SCALE)"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
"${PSQL[@]}" -d "$DB" -f "$TUTORIAL/schema.sql" -f "$TUTORIAL/alembic.sql"
grep -v '^--' "$TUTORIAL/hand-run-indexes.sql" | while read -r statement; do "${PSQL[@]}" -d "$DB" -c "$statement"; done
"${PSQL[@]}" -d "$DB" -v users=$((2000 * SCALE)) -v posts=$((20000 * SCALE)) -v comments=$((100000 * SCALE)) \
  -v tags=$((200 * SCALE)) -f "$HERE/seed.sql" > "$OUT/seed.txt"
"${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE"
SIZE="$(psql -X -At -d "$DB" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
COUNTS="$(psql -X -At -F ', ' -d "$DB" -c "SELECT (SELECT count(*) FROM users) || ' users', (SELECT count(*) FROM posts) || ' posts', (SELECT count(*) FROM comments) || ' comments', (SELECT count(*) FROM tags) || ' tags', (SELECT count(*) FROM post_tags) || ' post_tags'")"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE ${DB}_psql TEMPLATE $DB" -c "CREATE DATABASE ${DB}_inkwell TEMPLATE $DB"

echo "adoption: the script by hand (psql -1)"
# The backend's CPU time too (from /proc: PostgreSQL runs on this machine), which a busy machine
# inflates far less than the wall-clock time.
{
  echo 'SELECT pg_backend_pid() AS pid \gset'
  echo '\setenv BACKEND :pid'
  echo "\\! awk '{print \$14 + \$15}' /proc/\$BACKEND/stat > $OUT/cpu-before"
  echo "\\i $SCRIPT"
  echo "\\! awk '{print \$14 + \$15}' /proc/\$BACKEND/stat > $OUT/cpu-after"
} > "$OUT/timed.sql"
start=$(ms); "${PSQL[@]}" -1 -d "${DB}_psql" -f "$OUT/timed.sql" 2>/dev/null; PSQL_MS=$(( $(ms) - start ))
CPU_MS=$(( ($(cat "$OUT/cpu-after") - $(cat "$OUT/cpu-before")) * 1000 / $(getconf CLK_TCK) ))
rm -f "$OUT/timed.sql" "$OUT/cpu-before" "$OUT/cpu-after"
start=$(ms); "${PSQL[@]}" -1 -d "${DB}_psql" -f "$SCRIPT" 2>/dev/null; RERUN_MS=$(( $(ms) - start ))

echo "adoption: Inkwell on the tutorial's database"
start=$(ms)
SPRING_PROFILES_ACTIVE=prod JWT_SECRET="$(head -c 48 /dev/urandom | base64)" \
  DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_PASSWORD="$PGPASSWORD" DB_NAME="${DB}_inkwell" PORT="$PORT" \
  java -Xms256m -Xmx256m -jar "$JAR" > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "adoption: Inkwell exited; see $OUT/server.log" >&2; exit 1; }
  sleep 0.2
done
READY_MS=$(( $(ms) - start ))
INKWELL_MS="$(grep -o 'Adopted database .* in [0-9]* ms' "$OUT/server.log" | grep -o '[0-9]* ms' | tr -d ' ms')"
[ -n "$INKWELL_MS" ] || { echo "adoption: no adoption line in $OUT/server.log" >&2; exit 1; }
ANSWER="$(curl -fs -H 'Content-Type: application/json' -d '{"query":"{ posts(first: 1) { totalCount } }"}' "http://127.0.0.1:$PORT/graphql")"

cat > "$OUT/report.md" <<EOF
# Adopting a FastAPI tutorial database (SCALE=$SCALE)

$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg);
PostgreSQL $(psql -X -At -d postgres -c 'SHOW server_version').

Tutorial database: $COUNTS; $SIZE; create_all's DDL, Alembic's table, the tutorial's hand-run
indexes (GIN included); data from bench/seed.sql.

| what | ms |
| --- | ---: |
| adoption script, by hand (psql -1) | $PSQL_MS |
| CPU time of the PostgreSQL backend running it | $CPU_MS |
| the same script again on the adopted database (an interrupted adoption's next start) | $RERUN_MS |
| Inkwell's adoption (its log: script + Flyway baseline) | $INKWELL_MS |
| Inkwell from launch until ready (JVM start, adoption, later migrations) | $READY_MS |

Inkwell then answered: \`$ANSWER\`
EOF
cat "$OUT/report.md"
