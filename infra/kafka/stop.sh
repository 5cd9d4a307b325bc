#!/usr/bin/env bash
# Stops the broker that start.sh started: SIGTERM (a clean shutdown, so the next start needs no log
# recovery), then SIGKILL if it is still running after the deadline. Idempotent: nothing running is
# not an error. The data folder stays, so start.sh with the same REDTAPE_KAFKA_DATA restarts the
# broker with its topics; `stop.sh --clean` deletes it instead.
#
# Which broker: the one whose data folder is REDTAPE_KAFKA_DATA, else the one start.sh last started on
# KAFKA_PORT (default 9092). REDTAPE_KAFKA_STOP_TIMEOUT: seconds before SIGKILL (default 30).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

clean=false
for argument in "$@"; do
  case "$argument" in
    --clean) clean=true ;;
    *) die "usage: stop.sh [--clean]" ;;
  esac
done
timeout="${REDTAPE_KAFKA_STOP_TIMEOUT:-30}"

pointer="$KAFKA_RUN_DIR/${KAFKA_PORT:-9092}"
if [ -n "${REDTAPE_KAFKA_DATA:-}" ]; then
  data="$REDTAPE_KAFKA_DATA"
  [ -d "$data" ] && data="$(cd "$data" && pwd)"
else
  data="$(cat "$pointer" 2>/dev/null || true)"
fi
if [ -z "$data" ] || [ ! -d "$data" ]; then
  log "no broker recorded for ${REDTAPE_KAFKA_DATA:-port ${KAFKA_PORT:-9092}}: nothing to stop"
  exit 0
fi

pid="$(cat "$data/broker.pid" 2>/dev/null || true)"
if broker_alive "$pid" "$data"; then
  log "stopping pid $pid (data in $data)"
  kill -TERM "$pid" 2>/dev/null || true
  waited=0
  # Poll /proc rather than `wait`: the broker is not a child of this shell.
  while broker_alive "$pid" "$data" && [ "$waited" -lt $((timeout * 10)) ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if broker_alive "$pid" "$data"; then
    log "still running after $timeout s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      broker_alive "$pid" "$data" || break
      sleep 0.1
    done
    broker_alive "$pid" "$data" && die "pid $pid survived SIGKILL"
    log "killed (the next start recovers its logs)"
  else
    log "stopped after $((waited / 10)).$((waited % 10)) s"
  fi
else
  log "not running (data in $data)"
fi
rm -f "$data/broker.pid"

# Forget the port's pointer only if it still names this data folder (another broker may own it now).
port="$(state_get "$data" KAFKA_PORT)"
if [ -n "$port" ] && [ "$(cat "$KAFKA_RUN_DIR/$port" 2>/dev/null || true)" = "$data" ]; then
  rm -f "$KAFKA_RUN_DIR/$port"
fi

if $clean; then
  # Only a folder start.sh wrote its state into: --clean never deletes an arbitrary directory.
  [ -f "$data/broker.env" ] || die "$data has no broker.env; not deleting it"
  rm -rf "$data"
  log "deleted $data"
fi
