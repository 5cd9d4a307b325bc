#!/usr/bin/env bash
# Puts every runtime jar of the Kafka broker declared in pom.xml into one folder,
#   ${REDTAPE_KAFKA_HOME:-$HOME/.cache/redtape/kafka-<version>}/libs
# and prints that folder's path on stdout (progress goes to stderr).
#
# Idempotent and cheap when warm: a stamp file records the pom.xml it was made from and how many jars
# it holds, so a complete folder is reused without starting Maven (CI runs again and again on the same
# machine). Maven downloads through its local repository (~/.m2 unless configured otherwise), so even a
# changed pom.xml only downloads what is new. Concurrent callers wait for each other (flock), and a
# half-copied folder is never used: jars go to a staging folder that is renamed into place when done.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stamp_file="$KAFKA_LIBS/.complete"
want_pom="$(sha256sum "$KAFKA_SCRIPTS/pom.xml" | cut -d' ' -f1)"

# True when the libs folder was completed from this very pom.xml and still holds every jar.
complete() {
  local pom count
  [ -f "$stamp_file" ] || return 1
  read -r pom count <"$stamp_file" || return 1
  [ "$pom" = "$want_pom" ] || return 1
  [ "$(find "$KAFKA_LIBS" -maxdepth 1 -name '*.jar' | wc -l)" -eq "$count" ]
}

if complete; then
  echo "$KAFKA_LIBS"
  exit 0
fi

command -v mvn >/dev/null || die "mvn (Maven) is not on PATH; it fetches the Kafka jars from Maven Central"
mkdir -p "$KAFKA_HOME_DIR"
exec 9>"$KAFKA_HOME_DIR/.fetch.lock"
flock 9
# Another caller may have finished the job while this one waited for the lock.
if complete; then
  echo "$KAFKA_LIBS"
  exit 0
fi

log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIBS"
started=$SECONDS
staging="$(mktemp -d "$KAFKA_HOME_DIR/libs.partial.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

# -B: no prompts in CI logs. -q hides the download chatter but not Maven's errors. Maven 3.8 still
# prints stray colour codes in quiet mode; sed drops them (pipefail keeps mvn's exit status).
if ! mvn -B -q -Dstyle.color=never -f "$KAFKA_SCRIPTS/pom.xml" dependency:copy-dependencies \
  -Dkafka.libs="$staging" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2; then
  die "mvn could not fetch the Kafka jars (see its errors above)"
fi

# A sanity check that the copy produced the broker and not an empty or partial folder.
[ -f "$staging/kafka_2.13-$KAFKA_VERSION.jar" ] || die "kafka_2.13-$KAFKA_VERSION.jar missing after the copy"
count="$(find "$staging" -maxdepth 1 -name '*.jar' | wc -l)"
echo "$want_pom $count" >"$staging/.complete"

rm -rf "$KAFKA_LIBS"
mv "$staging" "$KAFKA_LIBS"
trap - EXIT
log "fetched $count jars ($(du -sh "$KAFKA_LIBS" | cut -f1)) in $((SECONDS - started)) s"
echo "$KAFKA_LIBS"
