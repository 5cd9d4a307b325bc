#!/usr/bin/env bash
# Self-test of these scripts against a real broker: start fresh, produce and consume (smoke.mjs),
# stop, start again on the same data folder, check that the topic and its message survived, stop
# and delete the data. Prints how long each step took. Uses KAFKA_PORT like start.sh (default 9092).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
unset REDTAPE_KAFKA_DATA

# Runs a step and reports its time. Explicit about failure: inside $(...) bash does not apply set -e.
step() {
  local name="$1" begin=$SECONDS
  shift
  if ! "$@"; then
    echo "selftest: FAILED: $name" >&2
    return 1
  fi
  echo "selftest: $name: $((SECONDS - begin)) s" >&2
}

# Fresh broker in a new temp folder; start.sh prints REDTAPE_KAFKA_DATA and KAFKA_BROKERS.
out="$(step "fetch + format + start until ready" bash "$here/start.sh")" || exit 1
eval "$out"
export REDTAPE_KAFKA_DATA KAFKA_BROKERS
# Whatever happens from here on, the broker does not outlive the test.
trap 'bash "$here/stop.sh" --clean || true' EXIT

topic="redtape-selftest-$$"
step "smoke (produce + consume)" node "$here/smoke.mjs" --topic "$topic"
step "stop" bash "$here/stop.sh"
step "restart on the same data until ready" bash "$here/start.sh" >/dev/null
step "smoke after restart (topic and message kept)" node "$here/smoke.mjs" --topic "$topic" --expect-existing
step "restart.sh" bash "$here/restart.sh" >/dev/null
step "smoke after restart.sh" node "$here/smoke.mjs" --topic "$topic" --expect-existing
trap - EXIT
step "stop --clean" bash "$here/stop.sh" --clean
echo "selftest: ok"
