# Sourced by run.sh, overload.sh and engines.sh: starts Inkwell with the production profile, fills
# the data set once per scale, and writes the request bodies of the operations into
# $OUT/raw/<op>.json.
# Expects HERE, JAR, OUT, DB, PORT, SCALE, JAVA_OPTS, PSQL and the libpq variables to be set.
# start_server takes PORT, JAVA_OPTS and SERVER_LOG (default raw/server.log) from the environment,
# so a caller can start more than one (engines.sh), and the server inherits the rest.

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
}
[ -n "${KEEP_SERVER:-}" ] || trap stop_server EXIT

start_server() {
  local log="${SERVER_LOG:-$OUT/raw/server.log}"
  echo "bench: starting Inkwell on :$PORT (database $DB, JAVA_OPTS=$JAVA_OPTS${INKWELL_EXECUTION:+, INKWELL_EXECUTION=$INKWELL_EXECUTION})"
  # The response cache is off unless asked for: these runs measure execution (cache.sh measures
  # the cache), and the side-by-side with PostGraphile must not be won by serving stored answers.
  RESPONSE_CACHE_ENABLED="${RESPONSE_CACHE_ENABLED:-false}" \
  SPRING_PROFILES_ACTIVE=prod JWT_SECRET="$(head -c 48 /dev/urandom | base64)" \
    DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_USER="$PGUSER" DB_PASSWORD="$PGPASSWORD" DB_NAME="$DB" PORT="$PORT" \
    java $JAVA_OPTS -jar "$JAR" > "$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 $(( ${READY_SECONDS:-120} * 2 ))); do   # READY_SECONDS: start-up is slow on a busy machine
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench: Inkwell exited; see $log" >&2; exit 1; }
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

