#!/usr/bin/env bash
# Builds Tilsynsspor and runs both services on the embedded PostgreSQL (or on the server that
# SPRING_DATASOURCE_URL names). Prints where they listen and how to log in. Ctrl-C stops everything.
#   --rebuild-read-models   query-service empties its read models and replays every event as it starts
# A service that stops unexpectedly is started again (at most 5 times in 10 minutes); nothing is left running.
set -euo pipefail
cd "$(dirname "$0")"

QUERY_ARGS=()
for argument in "$@"; do
  case "$argument" in
    --rebuild-read-models) QUERY_ARGS+=(--tilsynsspor.rebuild-read-models=true) ;;
    -h | --help) sed -n '2,5s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "Unknown option $argument (known: --rebuild-read-models, --help)" >&2; exit 2 ;;
  esac
done

if ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
  echo "Tilsynsspor needs a JDK 17 or newer: put java on the PATH or set JAVA_HOME." >&2
  exit 1
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

COMMAND_PORT="${COMMAND_PORT:-8081}"
QUERY_PORT="${QUERY_PORT:-8082}"
DB_PORT="${TILSYNSSPOR_DB_PORT:-54320}"
export TILSYNSSPOR_DATA_DIR="${TILSYNSSPOR_DATA_DIR:-$PWD/.data/postgres}"
LOGS="${TILSYNSSPOR_LOG_DIR:-$PWD/.data/logs}"
EMBEDDED=true
[ -n "${SPRING_DATASOURCE_URL:-}" ] && EMBEDDED=false

# One run per data folder: a second one beside it is refused before it builds, starts or writes anything.
mkdir -p "$(dirname "$TILSYNSSPOR_DATA_DIR")"
LOCK="$(dirname "$TILSYNSSPOR_DATA_DIR")/run.lock"
exec 9>>"$LOCK"
if ! flock -n 9; then
  echo "Tilsynsspor is already running with the data in $TILSYNSSPOR_DATA_DIR (see its terminal;" \
    "Ctrl-C there stops it). Not starting a second one." >&2
  exit 1
fi

# The embedded PostgreSQL of a run whose command-service was killed outright keeps running on its own; the lock
# says no other run uses this data folder, so it is ours to stop.
stop_leftover_postgres() {
  local pidfile="$TILSYNSSPOR_DATA_DIR/postmaster.pid" pid
  [ "$EMBEDDED" = true ] && [ -f "$pidfile" ] || return 0
  pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && ps -p "$pid" -o comm= 2>/dev/null | grep -q postgres; then
    echo "Stopping the embedded PostgreSQL (pid $pid), which its command-service left running..."
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}
stop_leftover_postgres

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ports=("$COMMAND_PORT" "$QUERY_PORT")
[ "$EMBEDDED" = true ] && ports+=("$DB_PORT")
for port in "${ports[@]}"; do
  if in_use "$port"; then
    echo "Port $port is in use by another program; Tilsynsspor needs it. Stop that program, or choose other ports" \
      "(COMMAND_PORT, QUERY_PORT, TILSYNSSPOR_DB_PORT)." >&2
    exit 1
  fi
done
mkdir -p "$LOGS"

echo "Building (first time: Maven downloads its dependencies, a few minutes)..."
./mvnw -q -B -DskipTests package 9>&-

# Each service in a process group of its own: Ctrl-C reaches this script only, which stops them in order.
set -m
declare -A pid_of=()
stopping=false
stop() {
  trap - INT TERM EXIT
  stopping=true
  echo
  echo "Stopping Tilsynsspor..."
  # query-service first; command-service last, because it owns the embedded database.
  for name in query-service command-service; do
    local pid="${pid_of[$name]:-}"
    if [ -n "$pid" ]; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  stop_leftover_postgres
  echo "Stopped. Data kept in $TILSYNSSPOR_DATA_DIR"
}
trap stop EXIT
trap 'exit 130' INT TERM

start() { # name port [argument...]
  local name=$1 port=$2
  shift 2
  echo "=== $(date -u +%FT%TZ) starting $name" >>"$LOGS/$name.log"
  PORT="$port" QUERY_SERVICE_URL="http://localhost:$QUERY_PORT" COMMAND_SERVICE_URL="http://localhost:$COMMAND_PORT" \
    TILSYNSSPOR_DB_PORT="$DB_PORT" \
    "$JAVA" -jar "$name/target/$name.jar" "$@" >>"$LOGS/$name.log" 2>&1 9>&- &
  local pid=$! deadline=$((SECONDS + 180))
  pid_of[$name]=$pid
  printf 'Starting %s on port %s ' "$name" "$port"
  until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo " failed. The end of $LOGS/$name.log:" >&2
      tail -n 40 "$LOGS/$name.log" >&2
      return 1
    fi
    printf '.'
    sleep 1
  done
  echo " up."
}

start command-service "$COMMAND_PORT" || exit 1
start query-service "$QUERY_PORT" ${QUERY_ARGS[@]+"${QUERY_ARGS[@]}"} || exit 1

database="embedded PostgreSQL on port $DB_PORT, data in $TILSYNSSPOR_DATA_DIR"
[ "$EMBEDDED" = false ] && database="$SPRING_DATASOURCE_URL"
# The services' own default for the demo users (core/platform's tilsynsspor-platform.yml): on with the embedded database, off on a server.
demo_users="${TILSYNSSPOR_DEMO_USERS_ENABLED:-$EMBEDDED}"
cat <<EOF

Tilsynsspor is running.
  command-service  http://localhost:$COMMAND_PORT   (writes; API docs: http://localhost:$COMMAND_PORT/swagger-ui.html)
  query-service    http://localhost:$QUERY_PORT   (reads;  API docs: http://localhost:$QUERY_PORT/swagger-ui.html)
  database         $database
  logs             $LOGS
EOF
if [ "${demo_users,,}" != true ]; then
  cat <<EOF

The demo users are off (by default they are on only with the embedded database): log in through the identity
provider configured for the services (README, "Identity"), or start again with TILSYNSSPOR_DEMO_USERS_ENABLED=true
to try it with the demo users.
EOF
else
  cat <<EOF

Log in (HTTP Basic for the API, the form for the pages), password '${TILSYNSSPOR_DEMO_PASSWORD:-demo}':
  inspector, inspector2                 INSPECTOR of socialtilsyn-hovedstaden, socialtilsyn-nord
  leader, leader2                       LEADER of kk-handicap, aarhus-psykiatri
  paedagog, socialraadgiver, psykolog   PROFESSIONAL in kk-handicap (ergoterapeut: on no team)
  professional2                         PROFESSIONAL in aarhus-psykiatri
  psykolog-region                       PROFESSIONAL in region-h-psykiatri (put on a case's team from there)
  leader-region                         LEADER of region-h-psykiatri (sees psykolog-region's part elsewhere)

Pages: http://localhost:$QUERY_PORT/  (log in as any user above; each role does its part there)
Try:  curl -u inspector:${TILSYNSSPOR_DEMO_PASSWORD:-demo} http://localhost:$QUERY_PORT/api/orders
EOF
fi
echo "Press Ctrl-C to stop."

if [ ${#QUERY_ARGS[@]} -gt 0 ]; then
  echo "query-service is rebuilding its read models: progress in $LOGS/query-service.log"
fi

# Supervision: a service that stops on its own is started again; too many restarts in a row end the run.
restarts=()
while true; do
  wait -n "${pid_of[@]}" 2>/dev/null || true
  $stopping && break
  for name in command-service query-service; do
    if ! kill -0 "${pid_of[$name]}" 2>/dev/null; then
      wait "${pid_of[$name]}" 2>/dev/null && status=0 || status=$?
      now=$SECONDS
      recent=()
      for at in ${restarts[@]+"${restarts[@]}"}; do [ $((now - at)) -lt 600 ] && recent+=("$at"); done
      restarts=(${recent[@]+"${recent[@]}"} "$now")
      if [ ${#restarts[@]} -gt 5 ]; then
        echo "$name stopped again (exit $status), the sixth time in 10 minutes; giving up. See $LOGS/$name.log" >&2
        exit 1
      fi
      echo "$name stopped unexpectedly (exit $status); starting it again. See $LOGS/$name.log" >&2
      if [ "$name" = command-service ]; then
        stop_leftover_postgres
        start command-service "$COMMAND_PORT" || exit 1
      else
        start query-service "$QUERY_PORT" || exit 1
      fi
    fi
  done
done
