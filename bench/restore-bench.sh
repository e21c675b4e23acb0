#!/usr/bin/env bash
# Restore benchmark (issue 10): journal N open journeys, start the packaged service on them, time the restore.
#   bench/restore-bench.sh [journeys=1000]      (run ./mvnw -DskipTests package first)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.handoff.bench.RestoreBenchmark "${1:-1000}"
