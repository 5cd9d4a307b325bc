#!/usr/bin/env bash
# Stops the broker and starts it again on the same data folder and port: topics, messages and
# committed offsets survive, as they do when a production broker restarts. Prints what start.sh prints.
# Which broker: REDTAPE_KAFKA_DATA, else the one start.sh last started on KAFKA_PORT (default 9092).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

data="${REDTAPE_KAFKA_DATA:-$(cat "$KAFKA_RUN_DIR/${KAFKA_PORT:-9092}" 2>/dev/null || true)}"
[ -n "$data" ] || die "no broker recorded on port ${KAFKA_PORT:-9092}: set REDTAPE_KAFKA_DATA"
[ -f "$data/broker.env" ] || die "$data holds no broker started by start.sh"

REDTAPE_KAFKA_DATA="$data" bash "$KAFKA_SCRIPTS/stop.sh"
REDTAPE_KAFKA_DATA="$data" exec bash "$KAFKA_SCRIPTS/start.sh"
