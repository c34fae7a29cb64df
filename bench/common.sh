# Sourced by run.sh, overload.sh and engines.sh: the settings they share, the tools they need, and the jar.
# Expects HERE and ROOT to be set, and OUT (where results go).

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGPASSWORD="${PGPASSWORD:-postgres}"
SCALE="${SCALE:-1}"
DB="${DB:-$([ "$SCALE" = 1 ] && echo inkwell_bench || echo "inkwell_bench_x$SCALE")}"
PORT="${PORT:-8180}"
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC -XX:NewRatio=1 -Dio.netty.leakDetection.level=disabled}"
URL="http://127.0.0.1:$PORT/graphql"
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
