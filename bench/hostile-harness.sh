#!/usr/bin/env bash
# Bad-input harness (issue 8 part 4): N seeded malformed or hostile requests against the packaged service.
# Results in target/hostile-harness-result.md (recorded in docs/fault-tolerance.md).
#   bench/hostile-harness.sh [requests=10000] [concurrency=8] [seed]      (run ./mvnw -DskipTests package first)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.handoff.bench.hostile.HostileHarness "${1:-10000}" "${2:-8}" ${3:-}
