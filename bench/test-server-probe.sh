#!/usr/bin/env bash
# Schedule-to-start latency of Temporal's Java test server in its own process, with no Handoff code:
# the fault harness's load shape on a three-line workflow (docs/fault-tolerance.md, "Stalled journeys").
#   bench/test-server-probe.sh [workflows=1000] [clients=24] [sticky|nosticky] [workflow-task-pollers]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.handoff.bench.fault.TestServerProbe "${1:-1000}" "${2:-24}" "${3:-nosticky}" ${4:-}
