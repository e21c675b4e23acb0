#!/bin/sh
# One-shot job (temporalio/admin-tools): creates the namespace Handoff uses when it does not exist,
# once the server answers. Retries for TEMPORAL_REGISTER_ATTEMPTS x TEMPORAL_REGISTER_DELAY seconds
# (default 60 x 5), then fails loudly. Environment: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE (default),
# TEMPORAL_NAMESPACE_RETENTION (how long closed journeys' histories stay in Temporal, default 7d).
set -u
NS="${TEMPORAL_NAMESPACE:-default}"
ATTEMPTS="${TEMPORAL_REGISTER_ATTEMPTS:-60}"
DELAY="${TEMPORAL_REGISTER_DELAY:-5}"
RETENTION="${TEMPORAL_NAMESPACE_RETENTION:-7d}"

i=1
while [ "$i" -le "$ATTEMPTS" ]; do
  if temporal operator namespace describe --namespace "$NS" >/dev/null 2>&1; then
    echo "Namespace $NS exists"
    exit 0
  fi
  if out=$(temporal operator namespace create --namespace "$NS" --retention "$RETENTION" 2>&1); then
    echo "Namespace $NS created (retention $RETENTION)"
    exit 0
  fi
  echo "attempt $i/$ATTEMPTS: namespace $NS not created yet: $(echo "$out" | head -n 1)"
  if [ "$i" -lt "$ATTEMPTS" ]; then
    sleep "$DELAY"
  fi
  i=$((i + 1))
done
echo "FAILED: namespace $NS could not be created after $ATTEMPTS attempts (TEMPORAL_ADDRESS=${TEMPORAL_ADDRESS:-unset})" >&2
exit 1
