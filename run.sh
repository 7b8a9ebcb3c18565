#!/usr/bin/env bash
# Builds Tilsynsspor and runs both services on the embedded PostgreSQL (or on the server that
# SPRING_DATASOURCE_URL names). Prints where they listen and how to log in. Ctrl-C stops everything.
#   --rebuild-read-models   query-service empties its read models and replays every event as it starts
set -euo pipefail
cd "$(dirname "$0")"

QUERY_ARGS=()
for argument in "$@"; do
  case "$argument" in
    --rebuild-read-models) QUERY_ARGS+=(--tilsynsspor.rebuild-read-models=true) ;;
    -h | --help) sed -n '2,4s/^# \{0,1\}//p' "$0"; exit 0 ;;
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
export TILSYNSSPOR_DATA_DIR="${TILSYNSSPOR_DATA_DIR:-$PWD/.data/postgres}"
LOGS="${TILSYNSSPOR_LOG_DIR:-$PWD/.data/logs}"
mkdir -p "$LOGS"

echo "Building (first time: Maven downloads its dependencies, a few minutes)..."
./mvnw -q -B -DskipTests package

# Each service in a process group of its own: Ctrl-C reaches this script only, which stops them in order.
set -m
pids=()
stop() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    echo
    echo "Stopping Tilsynsspor..."
    # query-service first; command-service last, because it owns the embedded database.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
      kill -TERM "${pids[$i]}" 2>/dev/null || true
      wait "${pids[$i]}" 2>/dev/null || true
    done
    echo "Stopped. Data kept in $TILSYNSSPOR_DATA_DIR"
  fi
}
trap stop EXIT
trap 'exit 130' INT TERM

start() { # name port [argument...]
  local name=$1 port=$2
  shift 2
  PORT="$port" QUERY_SERVICE_URL="http://localhost:$QUERY_PORT" \
    "$JAVA" -jar "$name/target/$name.jar" "$@" >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
  local pid=$! deadline=$((SECONDS + 180))
  printf 'Starting %s on port %s ' "$name" "$port"
  until curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo " failed. The end of $LOGS/$name.log:" >&2
      tail -n 40 "$LOGS/$name.log" >&2
      exit 1
    fi
    printf '.'
    sleep 1
  done
  echo " up."
}

start command-service "$COMMAND_PORT"
start query-service "$QUERY_PORT" ${QUERY_ARGS[@]+"${QUERY_ARGS[@]}"}

database="embedded PostgreSQL, data in $TILSYNSSPOR_DATA_DIR"
[ -n "${SPRING_DATASOURCE_URL:-}" ] && database="$SPRING_DATASOURCE_URL"
cat <<EOF

Tilsynsspor is running.
  command-service  http://localhost:$COMMAND_PORT   (writes; API docs: http://localhost:$COMMAND_PORT/swagger-ui.html)
  query-service    http://localhost:$QUERY_PORT   (reads;  API docs: http://localhost:$QUERY_PORT/swagger-ui.html)
  database         $database
  logs             $LOGS

Log in (HTTP Basic for the API, the form for the pages), password '${TILSYNSSPOR_DEMO_PASSWORD:-demo}':
  inspector, inspector2                 INSPECTOR of socialtilsyn-hovedstaden, socialtilsyn-nord
  leader, leader2                       LEADER of kk-handicap, aarhus-psykiatri
  paedagog, socialraadgiver, psykolog   PROFESSIONAL in kk-handicap (ergoterapeut: on no team)
  professional2                         PROFESSIONAL in aarhus-psykiatri

Pages: http://localhost:$QUERY_PORT/  (log in as inspector or leader, password as above)
Try:  curl -u inspector:demo http://localhost:$QUERY_PORT/api/orders
Press Ctrl-C to stop.
EOF

if [ ${#QUERY_ARGS[@]} -gt 0 ]; then
  echo "query-service is rebuilding its read models: progress in $LOGS/query-service.log"
fi

wait -n "${pids[@]}" || true
echo "A service stopped unexpectedly; see $LOGS" >&2
exit 1
