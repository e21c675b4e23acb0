#!/usr/bin/env bash
# Retention purge benchmark: N old closed journeys (+ N/10 open) on H2, and PostgreSQL when
# HANDOFF_TEST_PG_URL is set; times the dry run and the purge.   bench/purge-bench.sh [journeys=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.handoff.bench.PurgeBench "${1:-5000}"
