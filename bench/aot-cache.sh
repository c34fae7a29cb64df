#!/usr/bin/env bash
# The first minute after start (issue #12), with and without the JDK's AOT cache (JEP 483 class
# loading and linking, JEP 514 one-step creation, JEP 515 method profiles; JDK 25 and later).
#
# 1. Extracts the built jar (`java -Djarmode=tools -jar … extract`): the cache needs a plain
#    classpath, which the nested jars of the executable jar are not.
# 2. Training run on JDK 25: starts Inkwell from the extracted jar with the production JAVA_OPTS of
#    common.sh plus -XX:AOTCacheOutput=<cache>, drives each of TRAIN_OPS with wrk for TRAIN_SECONDS,
#    and stops it with SIGTERM; at exit the JVM writes the cache (classes loaded and linked, and the
#    method profiles of the load, so that the JIT compiles the hot methods sooner next time).
# 3. Measurement: for each variant (JDK 17, JDK 25, JDK 25 + cache; all from the extracted jar,
#    same JAVA_OPTS) a fresh JVM: the time from launch to readiness, then, the moment readiness
#    answers, the feed (posts-nested) with wrk for COLD_SECONDS at CONNECTIONS connections, as two
#    back-to-back halves (client time-out 30 s: slow first answers count). ROUNDS > 1 repeats the
#    three starts in alternating order (17, 25, 25+cache, 17, …).
#    The cached variant runs with -XX:AOTMode=on (the JVM refuses to start if it cannot use the
#    cache) and -Xlog:aot; the script also fails unless that log says the cache was loaded.
# Writes results.jsonl, report.md, environment.txt and raw/ under bench/results/<LABEL>/.
#
#   bench/aot-cache.sh
#   SKIP_BUILD=1 TRAIN_SECONDS=5 COLD_SECONDS=10 bench/aot-cache.sh        # does it work (2 minutes)
#
# Needs what run.sh needs, plus a JDK 25 or later (JDK25_HOME; default: the first
# /usr/lib/jvm/*25* with a bin/java). Env as run.sh (JAVA_OPTS, PORT, DB, SCALE, SKIP_BUILD, JAR,
# LABEL, READY_SECONDS), plus TRAIN_SECONDS (30 per operation), TRAIN_OPS (the five operations),
# COLD_SECONDS (60), CONNECTIONS (16), ROUNDS (1), BASE_JDK_HOME (the JDK compared against;
# default: the `java` on PATH), APP_DIR (where the jar is extracted; target/aot-app), AOT_CACHE
# (the cache file; <APP_DIR>/app.aot), SKIP_TRAINING=1 (reuse the existing extraction and cache;
# they must match each other and the JDK).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$HERE"

TRAIN_SECONDS="${TRAIN_SECONDS:-30}"
TRAIN_OPS="${TRAIN_OPS:-posts-nested post-by-slug search tag-page nodes}"
COLD_SECONDS="${COLD_SECONDS:-60}"
CONNECTIONS="${CONNECTIONS:-16}"
ROUNDS="${ROUNDS:-1}"
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))  # wrk needs a connection per thread
FEED=posts-nested
OUT="$HERE/results/${LABEL:-$(date -u +%Y-%m-%dT%H%M)-aot-cache}"

major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }'; }
BASE_JDK_HOME="${BASE_JDK_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
if [ -z "${JDK25_HOME:-}" ]; then
  for d in /usr/lib/jvm/*25*; do [ -x "$d/bin/java" ] && { JDK25_HOME="$d"; break; }; done
fi
[ -n "${JDK25_HOME:-}" ] && [ -x "$JDK25_HOME/bin/java" ] || { echo "bench: no JDK 25 found; set JDK25_HOME" >&2; exit 2; }
[ "$(major "$JDK25_HOME")" -ge 25 ] || { echo "bench: $JDK25_HOME is not JDK 25 or later" >&2; exit 2; }
BASE_MAJOR="$(major "$BASE_JDK_HOME")"
NEW_MAJOR="$(major "$JDK25_HOME")"

source "$HERE/common.sh"   # settings, tools, build, JAR
# The data set and the request bodies (server.sh); the server it starts is not measured.
source "$HERE/server.sh"
stop_server
ORIG_PATH="$PATH"
BASE_OPTS="$JAVA_OPTS"

# 1. Extract. A previous extraction is replaced (only its application jar and lib/).
APP_DIR="${APP_DIR:-$ROOT/target/aot-app}"
AOT_CACHE="${AOT_CACHE:-$APP_DIR/app.aot}"
APP_JAR="$APP_DIR/$(basename "$JAR")"
# SKIP_TRAINING keeps the extraction as it is: the cache checks the jars' sizes and modification
# times, so even the same jar extracted again would not match it.
if [ -z "${SKIP_TRAINING:-}" ]; then
  echo "bench: extracting $JAR into $APP_DIR"
  rm -rf "$APP_DIR/lib" "$APP_JAR"
  mkdir -p "$APP_DIR"
  "$JDK25_HOME/bin/java" -Djarmode=tools -jar "$JAR" extract --force --destination "$APP_DIR" > "$OUT/raw/extract.log"
fi
[ -f "$APP_JAR" ] || { echo "bench: no extracted jar at $APP_JAR" >&2; exit 1; }

# 2. Training run.
if [ -z "${SKIP_TRAINING:-}" ]; then
  rm -f "$AOT_CACHE"
  echo "bench: training run on JDK $NEW_MAJOR, $TRAIN_SECONDS s per operation ($TRAIN_OPS)"
  t0="$(date +%s.%N)"
  PATH="$JDK25_HOME/bin:$ORIG_PATH" JAR="$APP_JAR" SERVER_LOG="$OUT/raw/server.training.log" \
    JAVA_OPTS="$BASE_OPTS -XX:AOTCacheOutput=$AOT_CACHE -Xlog:aot=info:file=$OUT/raw/aot.training.log" start_server
  for op in $TRAIN_OPS; do
    BODY_FILE="$OUT/raw/$op.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${TRAIN_SECONDS}s" --timeout 30s -s post.lua "$URL" \
      > "$OUT/raw/training.$op.wrk.txt"
    grep '^WRKJSON ' "$OUT/raw/training.$op.wrk.txt" | sed "s/^WRKJSON /bench: training $op: /"
  done
  echo "bench: stopping the training run; the JVM writes the cache as it exits"
  t1="$(date +%s.%N)"
  stop_server   # SIGTERM, waits for the JVM (and the cache's assembly) to finish
  t2="$(date +%s.%N)"
  [ -s "$AOT_CACHE" ] || { echo "bench: the training run wrote no cache ($AOT_CACHE); see $OUT/raw/server.training.log" >&2; exit 1; }
  TRAIN_WRITE_S="$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.1f", b - a }')"
  TRAIN_TOTAL_S="$(awk -v a="$t0" -v b="$t2" 'BEGIN { printf "%.1f", b - a }')"
  echo "bench: cache written: $(du -h "$AOT_CACHE" | cut -f1), ${TRAIN_WRITE_S} s from SIGTERM to exit"
  # The assembly (a child JVM) logs what went in; the training JVM's own log is rotated to .0.
  grep -h 'KlassTrainingData\|MethodTrainingData' "$OUT/raw/aot.training.log" | sed 's/^.*\] /bench: cache holds: /' || true
else
  [ -s "$AOT_CACHE" ] || { echo "bench: SKIP_TRAINING set but no cache at $AOT_CACHE" >&2; exit 2; }
fi

# 3. The first COLD_SECONDS of each variant.
half1=$(( COLD_SECONDS / 2 )); half2=$(( COLD_SECONDS - half1 ))
wrk_half() { # raw-file seconds
  BODY_FILE="$OUT/raw/$FEED.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" --timeout 30s --latency -s post.lua "$URL" > "$1"
  grep '^WRKJSON ' "$1" | sed 's/^WRKJSON //'
}
cold() { # variant round
  local variant="$1" round="$2" jdk opts="$BASE_OPTS" log="$OUT/raw/aot.$1.$2.log"
  case "$variant" in
    jdk$BASE_MAJOR) jdk="$BASE_JDK_HOME" ;;
    jdk$NEW_MAJOR) jdk="$JDK25_HOME" ;;
    jdk$NEW_MAJOR-aot) jdk="$JDK25_HOME"; opts="$opts -XX:AOTCache=$AOT_CACHE -XX:AOTMode=on -Xlog:aot=info:file=$log" ;;
  esac
  local t0 t1; t0="$(date +%s.%N)"
  PATH="$jdk/bin:$ORIG_PATH" JAR="$APP_JAR" SERVER_LOG="$OUT/raw/server.$variant.$round.log" JAVA_OPTS="$opts" start_server
  t1="$(date +%s.%N)"
  local a b; a="$(wrk_half "$OUT/raw/cold.$variant.$round.1.wrk.txt" "$half1")"
  b="$(wrk_half "$OUT/raw/cold.$variant.$round.2.wrk.txt" "$half2")"
  local rss_kb; rss_kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status")"
  stop_server
  local loaded=false
  if [ "$variant" = "jdk$NEW_MAJOR-aot" ]; then
    # JDK 25 logs "Opened AOT cache <file>." when it maps the cache, and "Using AOT-linked classes: true" when it uses it.
    if grep -q 'Opened AOT cache' "$log" && grep -q 'Using AOT-linked classes: true' "$log"; then loaded=true
    else echo "bench: $variant did NOT use the AOT cache; see $log" >&2; exit 4; fi
  fi
  jq -cn --arg variant "$variant" --argjson round "$round" --arg java "$("$jdk/bin/java" -version 2>&1 | head -1)" \
    --argjson ready_s "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')" \
    --argjson a "$a" --argjson b "$b" --argjson cache_loaded "$loaded" --argjson rss_mb "$(( ${rss_kb:-0} / 1024 ))" \
    --argjson connections "$CONNECTIONS" '
    # A failed answer: non-2xx (a shed 503 also carries an "errors" body) or a 200 with "errors".
    def failed: [.non2xx, .gql_errors] | max;
    def ok: .requests - failed;
    { variant: $variant, round: $round, java: $java, op: "posts-nested", connections: $connections,
      ready_s: $ready_s, cache_loaded: $cache_loaded,
      rps: ((($a.requests + $b.requests) / ($a.duration_s + $b.duration_s)) * 10 | round / 10),
      ok_rps: ((($a | ok) + ($b | ok)) / ($a.duration_s + $b.duration_s) * 10 | round / 10),
      ok_rps_first_half: (($a | ok) / $a.duration_s * 10 | round / 10),
      ok_rps_second_half: (($b | ok) / $b.duration_s * 10 | round / 10),
      p50_ms_first_half: $a.p50_ms, p99_ms_first_half: $a.p99_ms, p50_ms_second_half: $b.p50_ms, p99_ms_second_half: $b.p99_ms,
      failed: (($a | failed) + ($b | failed)), socket_errors: ($a.socket_errors + $b.socket_errors),
      rss_mb_end: $rss_mb, first_half: $a, second_half: $b }' | tee -a "$OUT/results.jsonl"
}
: > "$OUT/results.jsonl"
VARIANTS="jdk$BASE_MAJOR jdk$NEW_MAJOR jdk$NEW_MAJOR-aot"
[ "$BASE_MAJOR" != "$NEW_MAJOR" ] || VARIANTS="jdk$NEW_MAJOR jdk$NEW_MAJOR-aot"   # the base JDK is the new one
for round in $(seq 1 "$ROUNDS"); do
  for v in $VARIANTS; do
    echo "bench: round $round, $v: start, then the feed for $COLD_SECONDS s"
    cold "$v" "$round"
  done
done

# 4. Report.
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java (base): $("$BASE_JDK_HOME/bin/java" -version 2>&1 | head -1)"
  echo "java (new):  $("$JDK25_HOME/bin/java" -version 2>&1 | sed -n 2p)"
  echo "postgresql: $("${PSQL[@]}" -At -d postgres -c 'SHOW server_version')"
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "JAVA_OPTS: $BASE_OPTS"
  echo "INKWELL_EXECUTION: ${INKWELL_EXECUTION:-(default)}"
  echo "jar: $(basename "$JAR"), run extracted (java -Djarmode=tools -jar … extract) in every variant"
  if [ -z "${SKIP_TRAINING:-}" ]; then
    echo "training: ${TRAIN_SECONDS} s of wrk per operation ($TRAIN_OPS), $CONNECTIONS connections; SIGTERM to exit ${TRAIN_WRITE_S} s, whole run ${TRAIN_TOTAL_S} s; cache $(du -h "$AOT_CACHE" | cut -f1)"
  else
    echo "training: none, an earlier run's cache reused ($(du -h "$AOT_CACHE" | cut -f1), written $(date -u -r "$AOT_CACHE" +%FT%TZ))"
  fi
  echo "cold runs: fresh JVM per variant, wrk on $FEED from the moment readiness answers, $CONNECTIONS connections, 30 s client time-out, ${half1} s + ${half2} s back to back, $ROUNDS round(s)"
} > "$OUT/environment.txt"
{
  echo "# The first ${COLD_SECONDS} s after start, with and without the AOT cache: $(basename "$OUT")"
  echo
  echo '```'
  cat "$OUT/environment.txt"
  echo '```'
  echo
  echo "Median run per variant over the rounds (by successful answers/s over the whole ${COLD_SECONDS} s). Readiness:"
  echo "launch to the first readiness answer (polled every 0.5 s). Successful: 2xx without \"errors\";"
  echo "failed: shed (503) or other errors; all answers/s = successful + failed; p99 over all answers."
  echo
  echo "| variant | ready s | feed successful/s, ${COLD_SECONDS} s | first ${half1} s | next ${half2} s | all answers/s | failed | socket errors | p99 ms first / next | cache loaded | rounds |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"
  jq -s -r 'group_by(.variant) | map(sort_by(.ok_rps) | .[(length - 1) / 2 | floor] + {n: length})
    | sort_by(.variant | (if endswith("-aot") then 2 elif . == "jdk'"$BASE_MAJOR"'" then 0 else 1 end))
    | .[] | "| \(.variant) | \(.ready_s) | \(.ok_rps) | \(.ok_rps_first_half) | \(.ok_rps_second_half) | \(.rps) | \(.failed) | \(.socket_errors) | \(.p99_ms_first_half) / \(.p99_ms_second_half) | \(if .variant | endswith("-aot") then .cache_loaded else "–" end) | \(.n) |"' \
    "$OUT/results.jsonl"
  echo
  echo "All runs: \`results.jsonl\`; wrk output, server logs and the -Xlog:aot logs: \`raw/\`."
} > "$OUT/report.md"
echo "bench: report in $OUT/report.md"
