#!/usr/bin/env bash
# Runs the journey load harness against a Handoff already serving on 127.0.0.1:8080 (embedded default).
#   bench/load-harness.sh [journeys=200] [concurrency=16]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.handoff.bench.JourneyLoadHarness "${1:-200}" "${2:-16}"
