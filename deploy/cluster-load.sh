#!/usr/bin/env bash
# Drives load through nginx into the local cluster (deploy/local-cluster.sh) while it breaks things
# on purpose, and checks the outcome. Phases, each under wrk (anonymous feed reads) plus a writer
# that writes posts and at once reads them back as their author (deploy/cluster-writer.mjs):
#   baseline         nothing happens
#   sigterm          instance a gets SIGTERM (drain, then exit); nginx sends the rest to b; a restarts
#   replay-paused    replay paused on the standby for longer than REPLICA_MAX_LAG
#   standby-restart  the standby restarts (fast shutdown)
#   primary-restart  the primary stops (fast), stays down 3 s, starts again; no Inkwell restarts
# Expected: zero failed requests and zero stale reads everywhere, except that while the primary is
# down writes fail fast with a classified error (and service resumes within seconds of its return).
# Prints one summary and writes it (with the raw logs) to OUT (default bench/results/<date>-cluster/).
#
#   deploy/local-cluster.sh start && deploy/cluster-load.sh; deploy/local-cluster.sh stop
#   PHASE_SECONDS=20 CONNECTIONS=8 deploy/cluster-load.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
DIR="${CLUSTER_DIR:-/tmp/inkwell-cluster}"
# shellcheck disable=SC1091
source "$DIR/cluster.env"
SECS="${PHASE_SECONDS:-20}"
CONNECTIONS="${CONNECTIONS:-8}"
MAX_LAG_S="${REPLICA_MAX_LAG_SECONDS:-3}"
OUT="${OUT:-$ROOT/bench/results/$(date -u +%Y-%m-%d)-cluster}"
URL="http://127.0.0.1:$NGINX_PORT/graphql"
PHASES=(baseline sigterm replay-paused standby-restart primary-restart)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
log() { echo "load: $(date -u +%H:%M:%S) $*"; }
mkdir -p "$OUT/raw"
rm -f "$OUT"/raw/*

replica_reads() {
  local total=0 port value
  for port in "$MANAGEMENT_A_PORT" "$MANAGEMENT_B_PORT"; do
    value=$(curl -fsS "http://127.0.0.1:$port/actuator/metrics/inkwell.database.reads?tag=served.by:replica" 2>/dev/null \
      | jq '.measurements[0].value // 0' 2>/dev/null || echo 0)
    total=$(jq -n "$total + ${value:-0}")
  done
  echo "$total"
}

# Something to read: a few posts by a seed author.
seed_token=$(curl -fsS "$URL" -H 'content-type: application/json' -H 'accept: application/json' \
  -d "{\"query\":\"mutation { register(input: {username: \\\"seed$RANDOM$RANDOM\\\", email: \\\"seed$RANDOM$RANDOM@example.com\\\", password: \\\"seed-password\\\"}) { token } }\"}" \
  | jq -r .data.register.token)
for i in $(seq 1 20); do
  curl -fsS -o /dev/null "$URL" -H 'content-type: application/json' -H "authorization: Bearer $seed_token" \
    -d "{\"query\":\"mutation { createPost(input: {title: \\\"Seed $i\\\", content: \\\"Seed content $i\\\", tags: [\\\"seed\\\", \\\"t$((i % 5))\\\"], published: true}) { id } }\"}"
done
printf '%s' '{"query":"{ posts(first: 10) { totalCount nodes { title slug publishedAt author { username } tags { name } commentCount } } }"}' > "$OUT/raw/feed.json"

echo baseline > "$DIR/phase"
rm -f "$DIR/writer.stop"
node "$HERE/cluster-writer.mjs" "$URL" "$DIR/phase" "$OUT/raw/writer.jsonl" "$DIR/writer.stop" &
WRITER=$!
trap 'touch "$DIR/writer.stop"; kill $WRITER 2>/dev/null || true' EXIT
sleep 2

run_wrk() { # phase seconds
  BODY_FILE="$OUT/raw/feed.json" wrk -t2 -c"$CONNECTIONS" -d"$2s" --timeout 30s -s "$ROOT/bench/post.lua" "$URL" \
    > "$OUT/raw/wrk-$1.txt" 2>&1
}

phase() { echo "$1" > "$DIR/phase"; log "phase $1"; }
declare -A REPLICA_BEFORE REPLICA_AFTER
PAUSED_FROZEN=""

for p in "${PHASES[@]}"; do
  phase "$p"
  REPLICA_BEFORE[$p]=$(replica_reads)
  run_wrk "$p" "$SECS" &
  WRK=$!
  case "$p" in
    sigterm)
      sleep 4
      log "SIGTERM to instance a (pid $INKWELL_A_PID)"
      kill -TERM "$INKWELL_A_PID"
      for _ in $(seq 1 120); do kill -0 "$INKWELL_A_PID" 2>/dev/null || break; sleep 0.5; done
      log "instance a has exited"
      ;;
    replay-paused)
      sleep 1
      as_pg "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -d postgres -c "SELECT pg_wal_replay_pause()"
      # A write on the primary after the pause, so the standby is behind even if the writer stalls.
      as_pg "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres \
        -c "CREATE TABLE IF NOT EXISTS load_marks (at timestamptz); INSERT INTO load_marks VALUES (now())"
      log "replay paused; waiting past the lag limit (${MAX_LAG_S}s)"
      sleep $(( MAX_LAG_S + 3 ))
      frozen_from=$(replica_reads)
      sleep $(( SECS - MAX_LAG_S - 6 > 3 ? SECS - MAX_LAG_S - 6 : 3 ))
      frozen_to=$(replica_reads)
      PAUSED_FROZEN="$frozen_from $frozen_to"
      as_pg "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -d postgres -c "SELECT pg_wal_replay_resume()"
      log "replay resumed (replica reads after the lag limit: $frozen_from -> $frozen_to)"
      ;;
    standby-restart)
      sleep 4
      as_pg "$PGBIN/pg_ctl" -D "$DIR/standby" -m fast -w restart -l "$DIR/standby.log" \
        -o "-p $STANDBY_PORT -k $DIR -c listen_addresses=127.0.0.1" >/dev/null
      log "standby restarted"
      ;;
    primary-restart)
      sleep 4
      as_pg "$PGBIN/pg_ctl" -D "$DIR/primary" -m fast -w stop >/dev/null
      date +%s%3N > "$DIR/primary-down"
      log "primary stopped"
      sleep 3
      as_pg "$PGBIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w \
        -o "-p $PRIMARY_PORT -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null
      date +%s%3N > "$DIR/primary-up"
      log "primary started"
      ;;
  esac
  wait "$WRK"
  REPLICA_AFTER[$p]=$(replica_reads)
  if [ "$p" = sigterm ]; then
    log "restarting instance a"
    "$HERE/local-cluster.sh" restart-instance a
    # shellcheck disable=SC1091
    source "$DIR/cluster.env"
  fi
done
touch "$DIR/writer.stop"; wait "$WRITER" 2>/dev/null || true
echo done > "$DIR/phase"

# ---- summary ---------------------------------------------------------------------------------
W="$OUT/raw/writer.jsonl"
DOWN_AT=$(cat "$DIR/primary-down"); UP_AT=$(cat "$DIR/primary-up")
RESUMED_AT=$(jq -s --argjson up "$UP_AT" '[.[] | select(.op == "write" and .ok and .t >= $up) | .t] | min // empty' "$W")
RESUME_S=$([ -n "$RESUMED_AT" ] && jq -n "($RESUMED_AT - $UP_AT) / 1000" || echo "never")
FAIL=0
{
  echo "# Cluster run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) vCPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Topology: PostgreSQL primary + streaming standby, PgBouncer (transaction mode) before the primary, Redis, two Inkwell"
  echo "instances, nginx in front; all on 127.0.0.1. wrk: $CONNECTIONS connections, ${SECS}s per phase, anonymous feed"
  echo "(10 posts with authors and tags) through nginx; one writer writing a post and reading it back as its author, in a loop."
  echo "REPLICA_MAX_LAG=${MAX_LAG_S}s."
  echo
  echo "| phase | wrk requests | req/s | wrk failures (non-2xx / GraphQL errors / socket) | writer writes | writer reads | writer failures by kind | stale reads | reads served by the replica |"
  echo "| --- | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: |"
  for p in "${PHASES[@]}"; do
    j=$(grep WRKJSON "$OUT/raw/wrk-$p.txt" | sed 's/^WRKJSON //')
    req=$(jq .requests <<< "$j"); rps=$(jq .rps <<< "$j")
    n2=$(jq .non2xx <<< "$j"); ge=$(jq .gql_errors <<< "$j"); se=$(jq .socket_errors <<< "$j")
    writes=$(jq -s --arg p "$p" '[.[] | select(.phase == $p and .op == "write" and .ok)] | length' "$W")
    reads=$(jq -s --arg p "$p" '[.[] | select(.phase == $p and .op == "read" and .ok)] | length' "$W")
    kinds=$(jq -rs --arg p "$p" '[.[] | select(.phase == $p and (.ok | not)) | .kind] | group_by(.) | map("\(.[0]) \(length)") | join(", ")' "$W")
    stale=$(jq -s --arg p "$p" '[.[] | select(.phase == $p and .stale == true)] | length' "$W")
    replica=$(jq -n "${REPLICA_AFTER[$p]} - ${REPLICA_BEFORE[$p]}")
    echo "| $p | $req | $rps | $n2 / $ge / $se | $writes | $reads | ${kinds:-none} | $stale | $replica |"
    [ "$stale" = 0 ] || FAIL=1
    if [ "$p" = primary-restart ]; then
      # While the primary is down: only classified errors, and only then.
      [ "$n2" = 0 ] && [ "$se" = 0 ] || FAIL=1
      bad=$(jq -s '[.[] | select(.phase == "primary-restart" and (.ok | not) and .kind != "INTERNAL_ERROR")] | length' "$W")
      [ "$bad" = 0 ] || FAIL=1
    else
      [ "$n2" = 0 ] && [ "$ge" = 0 ] && [ "$se" = 0 ] && [ -z "$kinds" ] || FAIL=1
    fi
  done
  echo
  set -- $PAUSED_FROZEN
  echo "- Replay paused: reads served by the replica from ${MAX_LAG_S}+3 s after the pause to its end: $(jq -n "$2 - $1") (anonymous reads moved to the primary once the lag limit passed)."
  [ "$(jq -n "$2 - $1")" = 0 ] || FAIL=1
  down_failures=$(jq -s --argjson down "$DOWN_AT" --argjson up "$UP_AT" '[.[] | select((.ok | not) and .t >= $down)] | length' "$W")
  fail_ms=$(jq -s '[.[] | select(.phase == "primary-restart" and (.ok | not)) | .ms] | if length > 0 then (add / length | floor) else 0 end' "$W")
  echo "- Primary down $(jq -n "($UP_AT - $DOWN_AT) / 1000") s: the writer got $down_failures classified errors (INTERNAL_ERROR, \"The database is unavailable; try again shortly\"), answered in $fail_ms ms on average; writes resumed ${RESUME_S} s after the primary was back, with no Inkwell restarted."
  [ "$RESUME_S" != never ] && [ "$(jq -n "$RESUME_S <= 10")" = true ] || FAIL=1
  echo "- Totals: $(cat "$OUT"/raw/wrk-*.txt | grep WRKJSON | sed 's/^WRKJSON //' | jq -s 'map(.requests) | add') wrk requests, $(jq -s '[.[] | select(.ok)] | length' "$W") writer operations, $(jq -s '[.[] | select(.stale == true)] | length' "$W") stale reads, $(replica_reads) reads served by the replica."
  echo
  echo "Verdict: $([ $FAIL = 0 ] && echo PASS || echo FAIL)"
} > "$OUT/summary.md"
cat "$OUT/summary.md"
grep -q "^Verdict: PASS" "$OUT/summary.md"
