# shellcheck shell=bash disable=SC2034 # the variables here are used by the scripts that source this file
# Shared by fetch.sh, start.sh, stop.sh and restart.sh (sourced, not run): where things live and
# small helpers. Everything here is a definition; nothing runs a server.

KAFKA_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "kafka: $*" >&2; }
die() {
  echo "kafka: error: $*" >&2
  exit 1
}

# The version is written once, in pom.xml; the cache folder is named after it so that two versions
# never share (or half-overwrite) a libs folder.
KAFKA_VERSION="$(sed -n 's:.*<kafka\.version>\([^<]*\)</kafka\.version>.*:\1:p' "$KAFKA_SCRIPTS/pom.xml")"
[ -n "$KAFKA_VERSION" ] || die "no <kafka.version> in $KAFKA_SCRIPTS/pom.xml"

KAFKA_HOME_DIR="${REDTAPE_KAFKA_HOME:-${HOME:?HOME is not set}/.cache/redtape/kafka-$KAFKA_VERSION}"
KAFKA_LIBS="$KAFKA_HOME_DIR/libs"
# One small file per port, naming the data folder of the broker started on it: stop.sh and
# restart.sh find the broker without being told REDTAPE_KAFKA_DATA (start.sh may have made a temp one).
KAFKA_RUN_DIR="$KAFKA_HOME_DIR/run"

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp: no nc needed).
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when $1 is a live process running kafka.Kafka on the server.properties of data folder $2.
# Checking the command line, not just the pid, means a recycled pid is never signalled by mistake.
broker_alive() {
  local pid="$1" data="$2" cmdline
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *" kafka.Kafka $data/server.properties"* ]]
}

# Reads KEY from the state file broker.env of data folder $1 (empty when absent).
state_get() {
  local file="$1/broker.env" key="$2"
  [ -f "$file" ] || return 0
  sed -n "s/^$key=//p" "$file" | tail -n 1
}
