#!/usr/bin/env bash
# Fault-tolerance harness (issue 8 part 3): faulty LLM and Zendesk (WireMock), Temporal test server in its own
# process, Handoff killed and restarted mid-run. Results in target/fault-harness-result.md (docs/fault-tolerance.md).
#   bench/fault-harness.sh [journeys=1000] [concurrency=24] [kill|nokill] [issue15]   (run ./mvnw -DskipTests package first)
# issue15 adds issue 15's cases: http notifications to an unreachable webhook, honest retries and reused event ids.
# HARNESS_TEMPORAL=dev-server runs it against a Temporal CLI dev server (the real server) instead of the test server.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.handoff.bench.fault.FaultHarness "${1:-1000}" "${2:-24}" "${3:-kill}" "${4:-}"
