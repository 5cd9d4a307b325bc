#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster owned by the caller: initdb into a data folder, one server
# listening on 127.0.0.1 only (no Unix socket outside the folder), trust authentication for the local
# role `redtape`, fsync on. It waits until the server accepts connections and creates the database
# `redtape`.
#
#   eval "$(bash infra/postgres/start.sh)"        # fresh cluster in a new temp folder, free port
#   REDTAPE_PG_DATA=/some/dir PGPORT=5433 bash infra/postgres/start.sh
#                                                 # reuses /some/dir's cluster if there is one
#
# The last lines on stdout are
#   REDTAPE_PG_DATA=<data folder>
#   DATABASE_URL=postgres://redtape@127.0.0.1:<port>/redtape
# and everything else goes to stderr. Stop it with `bash infra/postgres/stop.sh <data folder>`.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bin="$(pg_bindir)"

if [ -n "${REDTAPE_PG_DATA:-}" ]; then
  mkdir -p "$REDTAPE_PG_DATA"
  data="$(cd "$REDTAPE_PG_DATA" && pwd)"
else
  data="$(mktemp -d "${TMPDIR:-/tmp}/redtape-postgres-XXXXXX")"
  trap '[ $? -eq 0 ] || rm -rf "$data"' EXIT
fi
cluster="$data/cluster"
[ "$(id -u)" -ne 0 ] || chown postgres: "$data"
chmod 700 "$data"

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
port="${PGPORT:-$(cat "$data/port" 2>/dev/null || free_port)}"
[[ "$port" =~ ^[0-9]+$ ]] || die "PGPORT must be a port number, not '$port'"
echo "$port" >"$data/port"

if [ ! -f "$cluster/PG_VERSION" ]; then
  log "initdb into $cluster"
  as_owner "$bin/initdb" --pgdata="$cluster" --username=redtape --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-instructions >"$data/initdb.log" 2>&1 ||
    { cat "$data/initdb.log" >&2; die "initdb failed"; }
fi

if as_owner "$bin/pg_ctl" status --pgdata="$cluster" >/dev/null 2>&1; then
  log "already running on 127.0.0.1:$port with data in $cluster"
else
  log "starting on 127.0.0.1:$port"
  # Sockets live in the data folder so that the cluster never touches /var/run/postgresql.
  as_owner "$bin/pg_ctl" start --pgdata="$cluster" --log="$data/server.log" --wait --timeout=60 \
    --options="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$data -c fsync=on -c max_connections=200" \
    >&2 || { tail -n 30 "$data/server.log" >&2; die "the server did not start"; }
fi

"$bin/pg_isready" --host=127.0.0.1 --port="$port" --timeout=30 >/dev/null ||
  die "the server does not accept connections on 127.0.0.1:$port"
if ! "$bin/psql" --host=127.0.0.1 --port="$port" --username=redtape --dbname=postgres --tuples-only \
  --command="SELECT 1 FROM pg_database WHERE datname = 'redtape'" | grep -q 1; then
  "$bin/createdb" --host=127.0.0.1 --port="$port" --username=redtape redtape
fi

echo "REDTAPE_PG_DATA=$data"
echo "DATABASE_URL=postgres://redtape@127.0.0.1:$port/redtape"
