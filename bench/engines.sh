#!/usr/bin/env bash
# Both execution engines side by side (issue #12), and a peer such as PostGraphile, in one sitting.
# Starts one Inkwell per engine (INKWELL_EXECUTION=planned|graphql-java, same jar, ports PORT and
# PORT+1) and keeps both running and warm for the whole sitting; then, per operation at
# CONNECTIONS connections, in ALTERNATING rounds (planned, graphql-java, peer, planned, …):
# requests/s, p50 and p99 per server, medians over the rounds, and the ratio to the peer. For the
# feed (posts-nested) on each engine it also reports JVM CPU and allocation per request, resident
# memory under load, the throughput in the first 60 s after start, and the pgbench ceiling of the
# feed's own statements. Writes results.jsonl, report.md (one side-by-side table) and raw/ under
# bench/results/<LABEL>/.
#
#   bench/engines.sh
#   PEER_URL=http://127.0.0.1:5678/graphql PEER_BODIES=path/to/peer/queries bench/engines.sh
#   SKIP_BUILD=1 ROUNDS=1 SECONDS_=3 WARMUP=0 PREWARM=0 COLD_SECONDS=3 PGBENCH_SECONDS=3 PGBENCH_WARMUP=0 \
#     OPS=posts-nested bench/engines.sh                                       # does it work (seconds)
#
# Needs what run.sh needs, plus pgbench, jstat, python3 and ss, and the right to ALTER SYSTEM and to
# read PostgreSQL's log (for the pgbench ceiling; PGBENCH_SECONDS=0 leaves it out). The peer is
# started beforehand by its own harness, on the same data set.
# Env as run.sh (JAVA_OPTS, PORT, DB, SCALE, SKIP_BUILD, JAR, LABEL, READY_SECONDS, KEEP_SERVER),
# plus ROUNDS (3), SECONDS_ (20 s measured per server, operation and round), WARMUP (5 s before
# each measured run), PREWARM (15 s per server and operation, once, unrecorded), CONNECTIONS (16),
# OPS (posts-nested post-by-slug search tag-page nodes), ENGINES (planned graphql-java),
# COLD_SECONDS (60), PGBENCH_SECONDS (20, after PGBENCH_WARMUP=5 s unrecorded), PEER_URL and PEER_BODIES
# (a directory with <op>.json bodies for the peer; an operation without one is Inkwell-only),
# PEER_NAME (PostGraphile), PG_LOG (PostgreSQL's log file, for the statement capture; default
# pg_current_logfile(), else Debian's /var/log/postgresql/postgresql-<major>-main.log).
#
# How each figure is taken:
# - req/s, p50, p99: wrk (post.lua), per round; the report gives the median of each over the rounds
#   and the range of req/s. The ratio is Inkwell's median req/s over the peer's.
# - JVM CPU per request: utime + stime of the java process (/proc/<pid>/stat) around the measured
#   run of the feed, divided by the requests wrk completed in it.
# - Allocation per request: what the young generation took in during that run, from jstat and the
#   GC log: eden used after − eden used before + for every collection in between (GC ids from
#   jstat's YGC + FGC counts) its eden before − eden after, from -Xlog:gc+heap=info, which this
#   script adds to JAVA_OPTS (two lines per collection). Exact to the KB for ParallelGC (the
#   production setting); objects allocated straight into the old generation are not counted; with
#   another collector the figure is left empty.
# - Resident memory: the highest VmRSS (/proc/<pid>/status) sampled every second during any
#   measured run of that engine.
# - First 60 s: a fresh JVM per engine; the moment readiness answers, wrk drives the feed for
#   COLD_SECONDS with no warm-up (client time-out 30 s instead of wrk's 2 s: slow first answers
#   count). The time from launch to readiness is reported beside it. The engine started first sits
#   idle (but alive) while the second one takes its first minute. (The server server.sh starts
#   for the data set is stopped before; it is not measured.)
# - pgbench ceiling: after the rounds, PostgreSQL's log_min_duration_statement is set to 0 (ALTER
#   SYSTEM and a reload; reset the same way right after, and on any exit) for one feed request per
#   engine; the statements that JVM's own connections logged (backends found through ss and
#   pg_stat_activity), with their bound values, become raw/feed.<engine>.sql
#   (pgbench-script.py), run with `pgbench -n -M prepared -c CONNECTIONS -j 2`. One transaction =
#   the feed's statements once. Reported: transactions/s and the engine's median feed req/s as a
#   percentage of it.
#
# Why the servers stay up between rounds: restarting per round would put the JIT compiler's
# warm-up (minutes on two cores) into every round; the cold figure is measured separately.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$HERE"

SECS="${SECONDS_:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-5}"
PREWARM="${PREWARM:-15}"
ROUNDS="${ROUNDS:-3}"
COLD_SECONDS="${COLD_SECONDS:-60}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-20}"
PGBENCH_WARMUP="${PGBENCH_WARMUP:-5}"
ENGINES="${ENGINES:-planned graphql-java}"
PEER_NAME="${PEER_NAME:-PostGraphile}"
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))  # wrk needs a connection per thread
OPS="${OPS:-posts-nested post-by-slug search tag-page nodes}"
FEED=posts-nested
OUT="$HERE/results/${LABEL:-$(date -u +%Y-%m-%dT%H%M)-engines}"
for tool in pgbench jstat python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found" >&2; exit 2; }
done
source "$HERE/common.sh"

# The data set and the request bodies (server.sh); the server it starts is not measured.
source "$HERE/server.sh"
stop_server

declare -A PID URL_OF
# log_min_duration_statement as postgresql.auto.conf had it (restored after the capture), if at all.
PG_SETTING_CHANGED="" PG_SETTING_BEFORE=""
reset_pg_setting() {
  if [ -n "$PG_SETTING_CHANGED" ]; then
    if [ -n "$PG_SETTING_BEFORE" ]; then
      "${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET log_min_duration_statement = '$PG_SETTING_BEFORE'" -c "SELECT pg_reload_conf()" >/dev/null
    else
      "${PSQL[@]}" -d postgres -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
    fi
    PG_SETTING_CHANGED=""
  fi
}
cleanup() {
  reset_pg_setting || echo "bench: could not reset log_min_duration_statement; run ALTER SYSTEM RESET log_min_duration_statement" >&2
  if [ -z "${KEEP_SERVER:-}" ]; then
    for engine in "${!PID[@]}"; do SERVER_PID="${PID[$engine]}" stop_server; done
  else
    for engine in "${!PID[@]}"; do echo "bench: left inkwell-$engine running (pid ${PID[$engine]}, ${URL_OF[inkwell-$engine]})"; done
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

: > "$OUT/results.jsonl"
record() { tee -a "$OUT/results.jsonl"; }

# The PostgreSQL backend pids of a JVM's connections (comma-separated; empty over a Unix socket).
backend_pids() { # java-pid
  local ports
  ports="$(ss -tnpH state established "( dport = :$PGPORT )" 2>/dev/null | grep "pid=$1," \
    | awk '{ n = split($3, a, ":"); print a[n] }' | paste -sd, - || true)"
  [ -z "$ports" ] || "${PSQL[@]}" -At -d postgres \
    -c "SELECT string_agg(pid::text, ',') FROM pg_stat_activity WHERE datname = '$DB' AND client_port IN ($ports)"
}
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }   # utime + stime
# jstat -gc: "EU GCs" (eden used in KB, collections so far)
heap_sample() {
  jstat -gc "$1" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%s %d\n", $col["EU"], $col["YGC"] + $col["FGC"] }'
}
# Eden taken in by collections first..last-1 ("Eden: 131072K(131072K)->0K(131072K)"), in KB.
eden_collected() { # gc-log first last
  sed -nE 's/.*GC\(([0-9]+)\) PSYoungGen: .* Eden: ([0-9]+)K\([0-9]+K\)->([0-9]+)K.*/\1 \2 \3/p' "$1" \
    | awk -v first="$2" -v last="$3" '$1 >= first && $1 < last { sum += $2 - $3; n++ } END { printf "%d %d\n", sum, n }'
}

# One wrk run against one server; prints one JSON line. For an Inkwell engine it samples VmRSS
# every second, and for the feed it also takes CPU and allocation per request.
measure() { # phase server op url body seconds round
  local phase="$1" server="$2" op="$3" url="$4" body="$5" secs="$6" round="$7"
  local raw="$OUT/raw/$phase.$server.$op.r$round.txt" engine="${2#inkwell-}" pid="" extra='{}'
  [ "$server" != "$engine" ] && pid="${PID[$engine]}"
  export BODY_FILE="$body"
  if [ "$phase" = warm ] && [ "$WARMUP" -gt 0 ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s post.lua "$url" > /dev/null
  fi
  local deep=""; [ -n "$pid" ] && [ "$op" = "$FEED" ] && deep=1
  local cpu0 heap0 cpu1 heap1
  if [ -n "$deep" ]; then heap0="$(heap_sample "$pid")"; cpu0="$(cpu_ticks "$pid")"; fi
  # A fresh JVM's first answers can take longer than wrk's default time-out of 2 s; they count.
  local timeout=2s; [ "$phase" = cold ] && timeout=30s
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout "$timeout" --latency -s post.lua "$url" > "$raw" &
  local wrk_pid=$! rss_kb=0 r
  while kill -0 "$wrk_pid" 2>/dev/null; do
    if [ -n "$pid" ]; then
      r="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"
      [ "${r:-0}" -gt "$rss_kb" ] && rss_kb="$r"
    fi
    sleep 1
  done
  wait "$wrk_pid"
  local line; line="$(grep '^WRKJSON ' "$raw" | sed 's/^WRKJSON //')"
  if [ -n "$deep" ]; then
    cpu1="$(cpu_ticks "$pid")"; heap1="$(heap_sample "$pid")"
    local eu0 n0 eu1 n1 collected gcs
    read -r eu0 n0 <<<"$heap0"; read -r eu1 n1 <<<"$heap1"
    read -r collected gcs <<<"$(eden_collected "$OUT/raw/gc.$engine.log" "$n0" "$n1")"
    extra="$(jq -cn --argjson req "$(jq '.requests' <<<"$line")" --argjson ticks "$((cpu1 - cpu0))" \
      --argjson hz "$(getconf CLK_TCK)" --argjson eu0 "$eu0" --argjson eu1 "$eu1" \
      --argjson collected "$collected" --argjson logged "$gcs" --argjson gcs "$((n1 - n0))" '
      { cpu_ms_per_request: (if $req > 0 then ($ticks * 1000 / $hz / $req * 100 | round / 100) else null end),
        alloc_kb_per_request: (if $req > 0 and $logged == $gcs then (($eu1 - $eu0 + $collected) / $req | round) else null end),
        gcs: $gcs }')"
  fi
  jq -c --arg phase "$phase" --arg server "$server" --arg op "$op" --argjson round "$round" \
    --argjson connections "$CONNECTIONS" --argjson rss "$rss_kb" --argjson extra "$extra" \
    '{phase: $phase, server: $server, op: $op, round: $round, connections: $connections}
     + (if $rss > 0 then {rss_mb: ($rss / 1024 | round)} else {} end) + $extra + .' <<<"$line"
}

check() { # server url body: one answer must be HTTP 200 with data and no errors
  local code
  code="$(curl -s -o "$OUT/raw/$1.$(basename "$3" .json).response.json" -w '%{http_code}' \
    -H 'Content-Type: application/json' --data-binary @"$3" "$2")"
  if [ "$code" != 200 ] || ! jq -e '(has("errors") | not) and .data != null' "$OUT/raw/$1.$(basename "$3" .json).response.json" >/dev/null; then
    echo "bench: $1 answered $(basename "$3" .json) with HTTP $code, errors or no data:" >&2
    head -c 1000 "$OUT/raw/$1.$(basename "$3" .json).response.json" >&2; exit 3
  fi
}

# The servers of the sitting, in the order each round visits them.
SERVERS=()
body_of() { # server op
  if [ "$1" = peer ]; then echo "$PEER_BODIES/$2.json"; else echo "$OUT/raw/$2.json"; fi
}
has_body() { [ -f "$(body_of "$1" "$2")" ]; }

# 1. Each engine from a fresh JVM: the feed's first COLD_SECONDS after readiness. The server then
#    stays up for the rest of the sitting.
i=0
for engine in $ENGINES; do
  port=$((PORT + i)); i=$((i + 1))
  launched="$(date +%s.%N)"
  PORT="$port" INKWELL_EXECUTION="$engine" SERVER_LOG="$OUT/raw/server.$engine.log" \
    JAVA_OPTS="$JAVA_OPTS -Xlog:gc+heap=info:file=$OUT/raw/gc.$engine.log::filecount=0" start_server
  ready_s="$(awk -v a="$launched" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
  PID[$engine]="$SERVER_PID"
  URL_OF[inkwell-$engine]="http://127.0.0.1:$port/graphql"
  SERVERS+=("inkwell-$engine")
  # The log line of PlannedExecution: a jar without the switch would run graphql-java twice.
  grep -qi "execution engine: $engine\$" "$OUT/raw/server.$engine.log" \
    || { echo "bench: the server does not report running the $engine engine (raw/server.$engine.log)" >&2; exit 1; }
  if [ "$COLD_SECONDS" -gt 0 ]; then
    echo "bench: inkwell-$engine ready after $ready_s s; the feed for its first $COLD_SECONDS s"
    measure cold "inkwell-$engine" "$FEED" "${URL_OF[inkwell-$engine]}" "$OUT/raw/$FEED.json" "$COLD_SECONDS" 1 \
      | jq -c --argjson ready_s "$ready_s" --argjson seconds "$COLD_SECONDS" '{ready_s: $ready_s, seconds: $seconds} + .' | record
  fi
done
if [ -n "${PEER_URL:-}" ]; then
  [ -d "${PEER_BODIES:-}" ] || { echo "bench: PEER_URL needs PEER_BODIES, a directory with <op>.json bodies" >&2; exit 2; }
  URL_OF[peer]="$PEER_URL"
  SERVERS+=(peer)
fi

# 2. Every answer checked once, then an unrecorded pre-warm of every server and operation.
for server in "${SERVERS[@]}"; do
  for op in $OPS; do has_body "$server" "$op" && check "$server" "${URL_OF[$server]}" "$(body_of "$server" "$op")"; done
done
if [ "$PREWARM" -gt 0 ]; then
  echo "bench: pre-warming, ${PREWARM} s per server and operation"
  for server in "${SERVERS[@]}"; do
    for op in $OPS; do
      has_body "$server" "$op" || continue
      BODY_FILE="$(body_of "$server" "$op")" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${PREWARM}s" -s post.lua "${URL_OF[$server]}" > /dev/null
    done
  done
fi

# 3. Alternating rounds.
for round in $(seq 1 "$ROUNDS"); do
  echo "bench: round $round of $ROUNDS"
  for op in $OPS; do
    for server in "${SERVERS[@]}"; do
      has_body "$server" "$op" || continue
      measure warm "$server" "$op" "${URL_OF[$server]}" "$(body_of "$server" "$op")" "$SECS" "$round" | record
    done
  done
done

# 4. The feed's statements per engine, captured from PostgreSQL's log, and their pgbench ceiling.
pg_log="${PG_LOG:-$("${PSQL[@]}" -At -d postgres -c "SELECT coalesce(pg_current_logfile(), '')")}"
if [ -z "$pg_log" ]; then
  major="$("${PSQL[@]}" -At -d postgres -c "SHOW server_version_num" | cut -c1-2)"
  pg_log="/var/log/postgresql/postgresql-$major-main.log"
fi
if [ "$PGBENCH_SECONDS" -gt 0 ] && [ ! -r "$pg_log" ]; then
  echo "bench: cannot read PostgreSQL's log ($pg_log; set PG_LOG): no pgbench ceiling" >&2
elif [ "$PGBENCH_SECONDS" -gt 0 ]; then
  run_pgbench() { # engine seconds
    pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$2" "${pgbench_args[@]}" -f "$OUT/raw/feed.$1.sql" "$DB"
  }
  PG_SETTING_BEFORE="$("${PSQL[@]}" -At -d postgres -c "SELECT setting FROM pg_file_settings
    WHERE name = 'log_min_duration_statement' AND sourcefile LIKE '%postgresql.auto.conf' ORDER BY seqno DESC LIMIT 1")"
  for engine in $ENGINES; do
    offset="$(stat -c %s "$pg_log")"
    PG_SETTING_CHANGED=1
    "${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.5   # the backends apply the reload before their next command
    curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$OUT/raw/$FEED.json" "${URL_OF[inkwell-$engine]}"
    sleep 0.5
    reset_pg_setting
    # Only this JVM's connections count: anything else using the database meanwhile is left out.
    backends="$(backend_pids "${PID[$engine]}")"
    statements="$(python3 pgbench-script.py "$pg_log" "$offset" "$DB" "$OUT/raw/feed.$engine.sql" "$OUT/raw/feed.$engine.args" "$backends")"
    mapfile -d '' pgbench_args < "$OUT/raw/feed.$engine.args"
    echo "bench: pgbench ceiling of inkwell-$engine's feed ($statements statements)"
    [ "$PGBENCH_WARMUP" -gt 0 ] && { run_pgbench "$engine" "$PGBENCH_WARMUP" > /dev/null 2>&1 || true; }
    run_pgbench "$engine" "$PGBENCH_SECONDS" > "$OUT/raw/pgbench.$engine.txt" 2>&1 \
      || { cat "$OUT/raw/pgbench.$engine.txt" >&2; echo "bench: pgbench failed" >&2; exit 3; }
    out="$(cat "$OUT/raw/pgbench.$engine.txt")"
    tps="$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1)"
    lat="$(sed -nE 's/^latency average = ([0-9.]+) ms/\1/p' <<<"$out" | head -1)"
    failed="$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' <<<"$out" | head -1)"
    jq -cn --arg server "inkwell-$engine" --arg op "$FEED" --argjson statements "$statements" \
      --argjson c "$CONNECTIONS" --argjson s "$PGBENCH_SECONDS" \
      --argjson tps "${tps:-null}" --argjson lat "${lat:-null}" --argjson failed "${failed:-null}" --arg backends "$backends" \
      '{phase: "pgbench", server: $server, op: $op, statements: $statements, clients: $c, seconds: $s,
        tps: $tps, latency_ms_avg: $lat, failed: $failed, captured_from_backends: $backends}' | record
  done
fi

# 5. Report.
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "java: $(java -version 2>&1 | head -1) ($(java -version 2>&1 | sed -n 2p))"
  echo "postgresql: $("${PSQL[@]}" -At -d postgres -c 'SHOW server_version')"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "pgbench: $(pgbench --version)"
  echo "JAVA_OPTS: $JAVA_OPTS (plus -Xlog:gc+heap=info to a file, for the allocation figure)"
  echo "database: $DB (scale $SCALE); Inkwell engines: $ENGINES (each one JVM, kept up for the whole sitting)"
  [ -n "${PEER_URL:-}" ] && echo "peer: $PEER_NAME at $PEER_URL, bodies from $PEER_BODIES"
  echo "load: $CONNECTIONS connections; ${PREWARM} s pre-warm per server and operation; $ROUNDS alternating round(s) of ${WARMUP} s warm-up + ${SECS} s measured; first ${COLD_SECONDS} s after start; pgbench ${PGBENCH_SECONDS} s"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/environment.txt"
PEER_NAME="$PEER_NAME" "$HERE/engines-report.sh" "$OUT"
echo "bench: report in $OUT/report.md"
