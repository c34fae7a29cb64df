#!/usr/bin/env bash
# Response cache and compression (#10): the feed (a) and the post page (b) served with the cache
# off, from the in-process cache, and from Redis; what a mutation's invalidation costs (updateMe,
# which bumps the `user` data tag, signed in, one connection); and the feed's bytes on the wire
# with and without gzip. Writes report.md and the raw runs under bench/results/<date>-cache/.
#
#   bench/cache.sh
#   SECONDS_=15 PREWARM=10 REDIS=redis://127.0.0.1:6379 bench/cache.sh
#
# Needs what run.sh needs, and for the Redis mode a Redis server (REDIS, default the local one).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$HERE"

SECS="${SECONDS_:-15}"
PREWARM="${PREWARM:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
REDIS="${REDIS:-redis://127.0.0.1:6379}"
OPS="posts-nested post-by-slug"
OUT="$HERE/results/${LABEL:-$(date -u +%Y-%m-%d)-cache}"
source "$HERE/common.sh"
export RESPONSE_CACHE_ENABLED=false
source "$HERE/server.sh"

# A signed-in writer: a seeded user (every seeded password is "password"), whose bio is set to
# what it already is, so the data set stays as it was while each mutation still invalidates.
writer="$("${PSQL[@]}" -At -d "$DB" -c "SELECT username FROM users ORDER BY id LIMIT 1")"
bio="$("${PSQL[@]}" -At -d "$DB" -c "SELECT coalesce(bio, '') FROM users WHERE username = '$writer'")"
jq -cn --arg bio "$bio" '{query: "mutation Bio($bio: String) { updateMe(input: {bio: $bio}) { id } }", variables: {bio: $bio}}' \
  > "$OUT/raw/mutation.json"
token() {
  curl -s -H 'Content-Type: application/json' --data-binary \
    "$(jq -cn --arg u "$writer" '{query: "mutation($u: String!) { login(input: {login: $u, password: \"password\"}) { token } }", variables: {u: $u}}')" \
    "$URL" | jq -r '.data.login.token'
}

measure() { # mode
  local mode="$1" op line
  for op in $OPS; do
    export BODY_FILE="$OUT/raw/$op.json"
    wrk -t2 -c"$CONNECTIONS" -d"${PREWARM}s" -s post.lua "$URL" > /dev/null
    wrk -t2 -c"$CONNECTIONS" -d"${SECS}s" --latency -s post.lua "$URL" > "$OUT/raw/$mode.$op.txt"
    line="$(grep '^WRKJSON ' "$OUT/raw/$mode.$op.txt" | sed 's/^WRKJSON //')"
    echo "$line" | jq -c --arg mode "$mode" --arg op "$op" --argjson c "$CONNECTIONS" '{mode: $mode, op: $op, connections: $c} + .' \
      | tee -a "$OUT/results.jsonl"
  done
  # Mutations, one connection: each one bumps a data tag (in-process or in Redis) before answering.
  AUTHORIZATION="Bearer $(token)" BODY_FILE="$OUT/raw/mutation.json" \
    wrk -t1 -c1 -d"${SECS}s" --latency -s post.lua "$URL" > "$OUT/raw/$mode.mutation.txt"
  line="$(grep '^WRKJSON ' "$OUT/raw/$mode.mutation.txt" | sed 's/^WRKJSON //')"
  echo "$line" | jq -c --arg mode "$mode" '{mode: $mode, op: "updateMe", connections: 1} + .' | tee -a "$OUT/results.jsonl"
}

: > "$OUT/results.jsonl"
# Bytes on the wire: the feed's answer as sent, without and with gzip.
plain="$(curl -s -o /dev/null -w '%{size_download}' -H 'Content-Type: application/json' --data-binary @"$OUT/raw/posts-nested.json" "$URL")"
gzipped="$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' -H 'Content-Type: application/json' --data-binary @"$OUT/raw/posts-nested.json" "$URL")"
echo "{\"feed_bytes_plain\": $plain, \"feed_bytes_gzip\": $gzipped}" | tee "$OUT/bytes.json"

measure off
stop_server
export RESPONSE_CACHE_ENABLED=true
start_server
measure in-process
stop_server
REDIS_URL="$REDIS" start_server
measure redis
stop_server

{
  echo "# Response cache and compression $(basename "$OUT")"
  echo
  echo '```'
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "java: $(java -version 2>&1 | head -1); JAVA_OPTS: $JAVA_OPTS; redis: $(redis-server --version | cut -d' ' -f3)"
  echo "load: $CONNECTIONS connections (mutations: 1), ${PREWARM} s warm-up then ${SECS} s measured per line"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo '```'
  echo
  echo "Feed answer on the wire: $plain bytes plain, $gzipped bytes with gzip ($(( 100 - gzipped * 100 / plain ))% less)."
  echo
  echo "| cache | operation | connections | req/s | p50 ms | p99 ms | errors |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  jq -r '"| \(.mode) | \(.op) | \(.connections) | \(.rps) | \(.p50_ms) | \(.p99_ms) | \(.non2xx + .gql_errors + .socket_errors) |"' "$OUT/results.jsonl"
} > "$OUT/report.md"
echo "bench: report in $OUT/report.md"
