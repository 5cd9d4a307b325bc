#!/usr/bin/env bash
# Stops a cluster started by start.sh (fast shutdown: open sessions are ended, committed data kept).
#
#   bash infra/postgres/stop.sh <data folder> [--delete]
#
# With --delete the data folder is removed afterwards, as a test run does with its throwaway cluster.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

data="${1:-${REDTAPE_PG_DATA:-}}"
[ -n "$data" ] || die "usage: stop.sh <data folder> [--delete]"
[ -d "$data/cluster" ] || die "no cluster in $data"
bin="$(pg_bindir)"
if as_owner "$bin/pg_ctl" status --pgdata="$data/cluster" >/dev/null 2>&1; then
  as_owner "$bin/pg_ctl" stop --pgdata="$data/cluster" --mode=fast --wait >&2
else
  log "not running"
fi
if [ "${2:-}" = "--delete" ]; then
  rm -rf "$data"
  log "deleted $data"
fi
