#!/bin/sh
# Registers Handoff's custom search attributes on a Temporal cluster, with the temporal CLI (the
# temporalio/admin-tools image has it). Keep the list in sync with io.handoff.temporal.SearchAttributes
# (DockerComposeTest checks that they match).
#
# Retries until the server answers, the namespace exists and every attribute is registered with its
# type, then exits 0. Exits 1, loudly, when that has not happened after TEMPORAL_REGISTER_ATTEMPTS
# attempts (default 60) spaced TEMPORAL_REGISTER_DELAY seconds apart (default 5), and 2 at once when an
# attribute exists with another type (retrying cannot fix that). Idempotent: registering an attribute
# that exists with the same type succeeds.
#
# Environment: TEMPORAL_ADDRESS (read by the CLI, e.g. temporal:7233), TEMPORAL_NAMESPACE (default).
set -u
NS="${TEMPORAL_NAMESPACE:-default}"
ATTEMPTS="${TEMPORAL_REGISTER_ATTEMPTS:-60}"
DELAY="${TEMPORAL_REGISTER_DELAY:-5}"
ATTRIBUTES=""

register() {
  ATTRIBUTES="$ATTRIBUTES $1=$2"
}

register HandoffStage Keyword
register HandoffIntent Keyword
register HandoffLanguage Keyword
register HandoffChannel Keyword
register HandoffTicketId Keyword
register HandoffPriority Keyword
register HandoffSlaBreached Bool
register HandoffSlaNextDueAt Datetime
register HandoffRoutingAgreement Keyword

# One attempt: 0 when every attribute is registered with its type, 1 to retry, 2 on a type conflict.
attempt() {
  if ! out=$(temporal operator namespace describe --namespace "$NS" 2>&1); then
    echo "namespace $NS not available yet: $(echo "$out" | head -n 1)"
    return 1
  fi
  for pair in $ATTRIBUTES; do
    name="${pair%%=*}"
    type="${pair#*=}"
    if ! out=$(temporal operator search-attribute create --namespace "$NS" --name "$name" --type "$type" 2>&1); then
      case "$out" in
        *"different type"*)
          echo "ERROR: $out" >&2
          return 2
          ;;
      esac
      echo "search attribute $name not registered yet: $(echo "$out" | head -n 1)"
      return 1
    fi
  done
  # Check the result rather than trust the exit codes: every attribute listed, with its type.
  if ! list=$(temporal operator search-attribute list --namespace "$NS" 2>&1); then
    echo "cannot list search attributes yet: $(echo "$list" | head -n 1)"
    return 1
  fi
  for pair in $ATTRIBUTES; do
    name="${pair%%=*}"
    type="${pair#*=}"
    if ! echo "$list" | grep -Eq "^[[:space:]]*$name[[:space:]]+$type[[:space:]]*$"; then
      echo "search attribute $name ($type) not listed yet"
      return 1
    fi
  done
  return 0
}

i=1
while [ "$i" -le "$ATTEMPTS" ]; do
  attempt
  rc=$?
  if [ "$rc" -eq 0 ]; then
    echo "Handoff's search attributes are registered in namespace $NS:$ATTRIBUTES"
    exit 0
  fi
  if [ "$rc" -eq 2 ]; then
    echo "FAILED: a search attribute exists with another type in namespace $NS; rename or remove it" >&2
    exit 2
  fi
  if [ "$i" -lt "$ATTEMPTS" ]; then
    echo "attempt $i/$ATTEMPTS failed; retrying in ${DELAY}s"
    sleep "$DELAY"
  fi
  i=$((i + 1))
done
echo "FAILED: Handoff's search attributes are not registered in namespace $NS after $ATTEMPTS attempts" \
  "(TEMPORAL_ADDRESS=${TEMPORAL_ADDRESS:-unset}); Handoff must not start without them" >&2
exit 1
