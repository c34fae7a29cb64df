#!/usr/bin/env bash
# A whole Inkwell cluster on this machine, from Debian packages: a PostgreSQL primary and a
# streaming standby, PgBouncer (transaction mode) in front of the primary, Redis, two Inkwell
# instances (the built jar) and nginx in front of them. Everything listens on free ports on
# 127.0.0.1 only and lives under one run directory; nothing touches the system's own services.
#
#   deploy/local-cluster.sh start     # installs what is missing (apt-get), builds the jar if needed
#   deploy/local-cluster.sh status
#   deploy/local-cluster.sh stop      # stops everything and deletes the run directory
#   deploy/local-cluster.sh restart-instance a|b   # starts a stopped Inkwell instance again
#
# Env: CLUSTER_DIR (default /tmp/inkwell-cluster), SKIP_BUILD=1 (use target/inkwell-*.jar as is),
#      REPLICA_MAX_LAG (3s), JAVA_OPTS (the README's production settings).
# After start, $CLUSTER_DIR/cluster.env holds the ports and pids (deploy/cluster-load.sh reads it).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
DIR="${CLUSTER_DIR:-/tmp/inkwell-cluster}"
ENV_FILE="$DIR/cluster.env"
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC -XX:NewRatio=1 -Dio.netty.leakDetection.level=disabled}"
ROOT_USER=$([ "$(id -u)" = 0 ] && echo 1 || echo "")

log() { echo "cluster: $*"; }

# PostgreSQL and PgBouncer refuse to run as root: as root they run as the postgres user.
as_pg() { if [ -n "$ROOT_USER" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

install_missing() {
  local missing=()
  [ -d /usr/lib/postgresql ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v pgbouncer >/dev/null || missing+=(pgbouncer)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v nginx >/dev/null || missing+=(nginx)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  command -v node >/dev/null || missing+=(nodejs)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
}

wait_http() { # url seconds
  for _ in $(seq 1 "$(( $2 * 2 ))"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  return 1
}

start_inkwell() { # name port management-port
  local name=$1 port=$2 management=$3
  # shellcheck disable=SC2086
  env SPRING_PROFILES_ACTIVE=prod JWT_SECRET="$(cat "$DIR/jwt-secret")" PORT="$port" MANAGEMENT_PORT="$management" \
    DATABASE_URL="postgresql://postgres:cluster@127.0.0.1:$PGBOUNCER_PORT/inkwell" DB_POOLER=pgbouncer \
    DATABASE_REPLICA_URLS="postgresql://127.0.0.1:$STANDBY_PORT/inkwell" REPLICA_MAX_LAG="${REPLICA_MAX_LAG:-3s}" \
    REDIS_URL="redis://127.0.0.1:$REDIS_PORT" SHUTDOWN_DRAIN_DELAY=2s FORWARD_HEADERS_STRATEGY=native \
    DB_POOL_MAX_SIZE=8 DB_POOL_ACQUIRE_TIMEOUT=10s LOGIN_ATTEMPTS_PER_MINUTE=1000 \
    setsid java $JAVA_OPTS -jar "$JAR" > "$DIR/$name.log" 2>&1 < /dev/null &
  echo $!
}

start() {
  if [ -f "$ENV_FILE" ]; then log "already running ($ENV_FILE); stop it first"; exit 1; fi
  install_missing
  if [ -z "${SKIP_BUILD:-}" ] || ! ls "$ROOT"/target/inkwell-*.jar >/dev/null 2>&1; then
    log "building the jar"; (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
  fi
  JAR="$(ls "$ROOT"/target/inkwell-*.jar | grep -v plain | head -1)"
  mkdir -p "$DIR"; chmod 755 "$DIR"
  [ -n "$ROOT_USER" ] && chown postgres:postgres "$DIR"
  head -c 48 /dev/urandom | base64 -w0 > "$DIR/jwt-secret"
  PRIMARY_PORT=$(free_port); STANDBY_PORT=$(free_port); PGBOUNCER_PORT=$(free_port); REDIS_PORT=$(free_port)
  INKWELL_A_PORT=$(free_port); INKWELL_B_PORT=$(free_port); NGINX_PORT=$(free_port)
  MANAGEMENT_A_PORT=$(free_port); MANAGEMENT_B_PORT=$(free_port)

  log "PostgreSQL primary on :$PRIMARY_PORT"
  as_pg "$PGBIN/initdb" -D "$DIR/primary" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w -o "-p $PRIMARY_PORT -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null
  as_pg "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -c "CREATE DATABASE inkwell"
  log "PostgreSQL standby on :$STANDBY_PORT (pg_basebackup -R)"
  as_pg "$PGBIN/pg_basebackup" -D "$DIR/standby" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -R -X stream --no-sync
  as_pg "$PGBIN/pg_ctl" -D "$DIR/standby" -l "$DIR/standby.log" -w -o "-p $STANDBY_PORT -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null

  log "PgBouncer (transaction mode) on :$PGBOUNCER_PORT"
  cat > "$DIR/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$PRIMARY_PORT connect_query='SET statement_timeout = 5000'
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $DIR/pgbouncer-users.txt
pool_mode = transaction
default_pool_size = 10
max_client_conn = 200
ignore_startup_parameters = extra_float_digits
server_login_retry = 1
logfile = $DIR/pgbouncer.log
pidfile = $DIR/pgbouncer.pid
INI
  echo '"postgres" ""' > "$DIR/pgbouncer-users.txt"
  [ -n "$ROOT_USER" ] && chown postgres:postgres "$DIR/pgbouncer.ini" "$DIR/pgbouncer-users.txt"
  as_pg pgbouncer -d "$DIR/pgbouncer.ini"

  log "Redis on :$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$DIR" --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log"

  log "Inkwell a on :$INKWELL_A_PORT and b on :$INKWELL_B_PORT"
  INKWELL_A_PID=$(start_inkwell inkwell-a "$INKWELL_A_PORT" "$MANAGEMENT_A_PORT")
  INKWELL_B_PID=$(start_inkwell inkwell-b "$INKWELL_B_PORT" "$MANAGEMENT_B_PORT")

  log "nginx on :$NGINX_PORT"
  mkdir -p "$DIR/nginx-temp"; chmod 777 "$DIR/nginx-temp"
  cat > "$DIR/nginx.conf" <<CONF
daemon on;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $DIR/nginx-temp/body;
  proxy_temp_path $DIR/nginx-temp/proxy;
  fastcgi_temp_path $DIR/nginx-temp/fastcgi;
  uwsgi_temp_path $DIR/nginx-temp/uwsgi;
  scgi_temp_path $DIR/nginx-temp/scgi;
  upstream inkwell {
    # A refused connection takes a server out for 2 s; the request goes to the other one.
    server 127.0.0.1:$INKWELL_A_PORT max_fails=1 fail_timeout=2s;
    server 127.0.0.1:$INKWELL_B_PORT max_fails=1 fail_timeout=2s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://inkwell;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_connect_timeout 1s;
      proxy_read_timeout 35s;
      # GraphQL reads and writes are POSTs. A stopping Inkwell finishes every request it has read
      # (graceful shutdown) and refuses new connections, so a request that met an error there was
      # never processed and may go to the other instance.
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 2;
    }
  }
}
CONF
  nginx -c "$DIR/nginx.conf" -p "$DIR"

  cat > "$ENV_FILE" <<VARS
PGBIN=$PGBIN
JAR=$JAR
PRIMARY_PORT=$PRIMARY_PORT
STANDBY_PORT=$STANDBY_PORT
PGBOUNCER_PORT=$PGBOUNCER_PORT
REDIS_PORT=$REDIS_PORT
INKWELL_A_PORT=$INKWELL_A_PORT
INKWELL_B_PORT=$INKWELL_B_PORT
MANAGEMENT_A_PORT=$MANAGEMENT_A_PORT
MANAGEMENT_B_PORT=$MANAGEMENT_B_PORT
INKWELL_A_PID=$INKWELL_A_PID
INKWELL_B_PID=$INKWELL_B_PID
NGINX_PORT=$NGINX_PORT
VARS
  for instance in "$MANAGEMENT_A_PORT" "$MANAGEMENT_B_PORT"; do
    wait_http "http://127.0.0.1:$instance/actuator/health/readiness" 240 \
      || { log "Inkwell on :$instance did not become ready; see $DIR/inkwell-*.log"; exit 1; }
  done
  log "ready: http://127.0.0.1:$NGINX_PORT/graphql (run directory $DIR)"
}

stop() {
  [ -f "$ENV_FILE" ] || { log "not running"; rm -rf "$DIR"; return 0; }
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  [ -f "$DIR/nginx.pid" ] && nginx -c "$DIR/nginx.conf" -p "$DIR" -s stop 2>/dev/null || true
  for pid in "$INKWELL_A_PID" "$INKWELL_B_PID"; do kill "$pid" 2>/dev/null || true; done
  for pid in "$INKWELL_A_PID" "$INKWELL_B_PID"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  done
  [ -f "$DIR/redis.pid" ] && kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
  [ -f "$DIR/pgbouncer.pid" ] && kill "$(cat "$DIR/pgbouncer.pid")" 2>/dev/null || true
  for node in standby primary; do
    [ -f "$DIR/$node/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$DIR/$node" -m fast -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$DIR"
  log "stopped"
}

restart_instance() { # a|b: starts that instance again (after it was stopped) and waits until it is ready
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  local name=$1 port management pid
  port=$([ "$name" = a ] && echo "$INKWELL_A_PORT" || echo "$INKWELL_B_PORT")
  management=$([ "$name" = a ] && echo "$MANAGEMENT_A_PORT" || echo "$MANAGEMENT_B_PORT")
  pid=$(start_inkwell "inkwell-$name-restarted" "$port" "$management")
  sed -i "s/^INKWELL_${name^^}_PID=.*/INKWELL_${name^^}_PID=$pid/" "$ENV_FILE"
  wait_http "http://127.0.0.1:$management/actuator/health/readiness" 240 || { log "instance $name did not come back"; exit 1; }
  log "instance $name is back (pid $pid)"
}

status() {
  [ -f "$ENV_FILE" ] || { log "not running"; return 1; }
  cat "$ENV_FILE"
  curl -fsS "http://127.0.0.1:$(grep MANAGEMENT_A_PORT "$ENV_FILE" | cut -d= -f2)/actuator/health" | jq -c '.components.readReplicas' || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart-instance) restart_instance "${2:?a or b}" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
