# Shared by start.sh and stop.sh. PostgreSQL refuses to run as root, so when these scripts run as root
# (as on CI machines) the server runs as the `postgres` system user that Debian's package creates.
PG_VERSION="${REDTAPE_PG_VERSION:-15}"

log() { echo "[postgres] $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

pg_bindir() {
  local dir
  if [ -n "${REDTAPE_PG_BINDIR:-}" ]; then
    dir="$REDTAPE_PG_BINDIR"
  elif [ -x "/usr/lib/postgresql/$PG_VERSION/bin/pg_ctl" ]; then
    dir="/usr/lib/postgresql/$PG_VERSION/bin"
  elif command -v pg_config >/dev/null; then
    dir="$(pg_config --bindir)"
  fi
  [ -n "${dir:-}" ] && [ -x "$dir/pg_ctl" ] ||
    die "PostgreSQL $PG_VERSION server binaries not found (apt-get install postgresql-$PG_VERSION, or set REDTAPE_PG_BINDIR)"
  echo "$dir"
}

# Runs a server binary as the user that owns the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
