#!/usr/bin/env bash
# Starts a real single-node Apache Kafka broker in KRaft mode (broker and controller in one JVM),
# listening on 127.0.0.1 only, and waits until a client can create and list a topic.
#
#   bash infra/kafka/start.sh                # fresh, empty broker in a new temp data folder
#   REDTAPE_KAFKA_DATA=/some/dir bash infra/kafka/start.sh
#                                            # formats /some/dir if it is new, else restarts the
#                                            # broker kept there (topics and messages survive)
#
# On success the last lines on stdout are
#   REDTAPE_KAFKA_DATA=<data folder>
#   KAFKA_BROKERS=127.0.0.1:<port>
# so `eval "$(bash infra/kafka/start.sh)"` sets both; everything else goes to stderr. On failure it
# prints the end of the broker log, stops the broker and exits non-zero.
#
# Variables: KAFKA_PORT (client port; default: the data folder's previous port, else 9092),
# KAFKA_CONTROLLER_PORT (default: the previous one if still free, else any free port),
# REDTAPE_KAFKA_DATA, REDTAPE_KAFKA_HOME (jar cache, see fetch.sh), REDTAPE_KAFKA_START_TIMEOUT
# (seconds, default 90), KAFKA_HEAP_OPTS (default -Xms256m -Xmx1g), KAFKA_OPTS (more JVM options).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

started=$SECONDS
timeout="${REDTAPE_KAFKA_START_TIMEOUT:-90}"

command -v java >/dev/null || die "java is not on PATH (Kafka $KAFKA_VERSION needs Java 17 or later)"
command -v node >/dev/null || die "node is not on PATH (the readiness check is a kafkajs client)"
# The readiness check and smoke test import kafkajs from the repository's node_modules.
(cd "$KAFKA_SCRIPTS" && node -e 'require.resolve("kafkajs")' 2>/dev/null) ||
  die "kafkajs is not installed: run npm ci at the repository root"

bash "$KAFKA_SCRIPTS/fetch.sh" >/dev/null

# --- the data folder ------------------------------------------------------------------------------
if [ -n "${REDTAPE_KAFKA_DATA:-}" ]; then
  mkdir -p "$REDTAPE_KAFKA_DATA"
  data="$(cd "$REDTAPE_KAFKA_DATA" && pwd)"
else
  data="$(mktemp -d "${TMPDIR:-/tmp}/redtape-kafka-XXXXXX")"
  # A temp folder made for a start that fails before the broker runs (port taken, format failed)
  # holds nothing worth keeping. Once there is a broker log, it stays for inspection.
  trap '[ $? -eq 0 ] || [ -f "$data/broker.log" ] || rm -rf "$data"' EXIT
fi
# The path goes unquoted into server.properties, the JVM's command line and broker.env.
[[ "$data" =~ [[:space:]] ]] && die "the data folder path must not contain whitespace: '$data'"
log="$data/broker.log"

# Started before and still running (e.g. start.sh called twice with the same data folder): reuse it.
old_pid="$(cat "$data/broker.pid" 2>/dev/null || true)"
if broker_alive "$old_pid" "$data"; then
  port="$(state_get "$data" KAFKA_PORT)"
  log "already running (pid $old_pid) on 127.0.0.1:$port with data in $data"
  node "$KAFKA_SCRIPTS/ready.mjs" "127.0.0.1:$port" "$old_pid" "$timeout" || die "the running broker is not ready"
  echo "REDTAPE_KAFKA_DATA=$data"
  echo "KAFKA_BROKERS=127.0.0.1:$port"
  exit 0
fi

# --- ports ----------------------------------------------------------------------------------------
# A restarted broker keeps its client port, so clients configured before the restart reconnect.
port="${KAFKA_PORT:-$(state_get "$data" KAFKA_PORT)}"
port="${port:-9092}"
[[ "$port" =~ ^[0-9]+$ ]] || die "KAFKA_PORT must be a port number, not '$port'"
if port_open "$port"; then
  hint=""
  other="$(cat "$KAFKA_RUN_DIR/$port" 2>/dev/null || true)"
  [ -n "$other" ] && hint=" (a broker started by start.sh with data in $other: stop it with stop.sh, or reuse it with REDTAPE_KAFKA_DATA=$other)"
  die "127.0.0.1:$port is already in use$hint; set KAFKA_PORT to use another port"
fi

# The controller port only matters inside the broker: the quorum is static (controller.quorum.voters
# in server.properties, not stored in the metadata log), so it may change between restarts.
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
controller_port="${KAFKA_CONTROLLER_PORT:-$(state_get "$data" KAFKA_CONTROLLER_PORT)}"
if [ -z "$controller_port" ] || { [ -z "${KAFKA_CONTROLLER_PORT:-}" ] && port_open "$controller_port"; }; then
  # The client port may itself have been picked as a free port a moment ago and not be bound yet,
  # so the OS can hand out the same number again: draw until it differs.
  for _ in 1 2 3 4 5 6 7 8; do
    controller_port="$(free_port)"
    [ "$controller_port" = "$port" ] || break
  done
fi
[ "$controller_port" != "$port" ] || die "KAFKA_CONTROLLER_PORT must differ from KAFKA_PORT"

# --- configuration (rewritten on every start, so a restart picks up changes to this script) --------
cat >"$data/server.properties" <<EOF
# Written by infra/kafka/start.sh; rewritten on every start.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$data/kraft

# One node: every internal topic has a single replica, and one in-sync replica is enough.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1

# Producers may write to a topic nobody created; it gets 3 partitions, so ordering per key matters.
auto.create.topics.enable=true
num.partitions=3
# Consumer groups start at once instead of waiting 3 s for more members (tests join one at a time).
group.initial.rebalance.delay.ms=0
# One partition each for the offsets and transaction logs instead of 50: on one node the coordinators
# then load in a fraction of the time after every (re)start, and nothing a client sees changes.
offsets.topic.num.partitions=1
transaction.state.log.num.partitions=1
EOF

# --- storage --------------------------------------------------------------------------------------
if [ -f "$data/kraft/meta.properties" ]; then
  log "reusing the KRaft storage in $data/kraft"
else
  # A cluster id is 16 random bytes in URL-safe base64; Kafka's own generator skips ids starting
  # with '-' (they read as an option on a command line), and so does this.
  cluster_id="$(node -e 'const c = require("crypto"); let id; do id = c.randomBytes(16).toString("base64url"); while (id.startsWith("-")); console.log(id);')"
  if ! java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format --cluster-id "$cluster_id" \
    --config "$data/server.properties" >"$data/format.log" 2>&1; then
    cat "$data/format.log" >&2
    die "formatting the KRaft storage in $data/kraft failed"
  fi
  log "formatted fresh KRaft storage in $data/kraft (cluster $cluster_id)"
fi

# --- the broker -----------------------------------------------------------------------------------
echo "===== start.sh $(date -u +%Y-%m-%dT%H:%M:%SZ): Kafka $KAFKA_VERSION on 127.0.0.1:$port" >>"$log"
# setsid: the broker outlives this script and gets no signal meant for the terminal or the caller's
# process group. stdin from /dev/null and stdout/stderr to the log: a caller that reads this script's
# output through a pipe is not kept waiting by the broker holding the pipe open.
# shellcheck disable=SC2086 # the option variables are lists of words
setsid java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
  -Djava.awt.headless=true -Dlog4j2.configurationFile="$KAFKA_SCRIPTS/log4j2.properties" ${KAFKA_OPTS:-} \
  -cp "$KAFKA_LIBS/*" kafka.Kafka "$data/server.properties" </dev/null >>"$log" 2>&1 &
pid=$!

# The state, written before waiting so that stop.sh can stop a broker that is still starting.
echo "$pid" >"$data/broker.pid"
cat >"$data/broker.env" <<EOF
KAFKA_PID=$pid
KAFKA_LOG=$log
KAFKA_PORT=$port
KAFKA_CONTROLLER_PORT=$controller_port
KAFKA_BROKERS=127.0.0.1:$port
KAFKA_VERSION=$KAFKA_VERSION
REDTAPE_KAFKA_DATA=$data
EOF
mkdir -p "$KAFKA_RUN_DIR"
echo "$data" >"$KAFKA_RUN_DIR/$port"

log "started pid $pid, log $log; waiting up to $timeout s until a client can create and list a topic and find its group coordinator"
if ! node "$KAFKA_SCRIPTS/ready.mjs" "127.0.0.1:$port" "$pid" "$timeout"; then
  echo "----- last lines of $log -----" >&2
  tail -n 60 "$log" >&2
  echo "-----" >&2
  REDTAPE_KAFKA_DATA="$data" bash "$KAFKA_SCRIPTS/stop.sh" || true
  die "the broker did not become ready"
fi
log "ready on 127.0.0.1:$port after $((SECONDS - started)) s"

echo "REDTAPE_KAFKA_DATA=$data"
echo "KAFKA_BROKERS=127.0.0.1:$port"
