#!/usr/bin/env bash
# Runs the journey load harness against a running Handoff and the Temporal server it uses:
#   bench/load-harness.sh [journeys=200] [concurrency=16]
# HANDOFF_URL (default http://127.0.0.1:8080) and TEMPORAL_TARGET (default 127.0.0.1:7233) point it at
# another instance, e.g. one in mode dev-server (docs/benchmarks.md).
# HARNESS_JAVA_OPTS passes options to the harness, e.g. -Dpoll.ms=250 (how often a client reads its journey view).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java ${HARNESS_JAVA_OPTS:-} -Dhandoff.url="${HANDOFF_URL:-http://127.0.0.1:8080}" -Dtemporal.target="${TEMPORAL_TARGET:-127.0.0.1:7233}" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.handoff.bench.JourneyLoadHarness "${1:-200}" "${2:-16}"
