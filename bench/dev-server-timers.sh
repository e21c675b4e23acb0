#!/usr/bin/env bash
# N open journeys with SLA timers on a Temporal CLI dev server (mode dev-server): heap, and how late the due
# timers fire. Needs the packaged jar (./mvnw -DskipTests package) and `temporal` on the PATH.
#   bench/dev-server-timers.sh [journeys=1000] [first-reply-minutes=6] [concurrency=16]
# Each journey is the seed's first two events (enterprise pricing question → TICKETED, priority high) under a
# copy of workflows/ whose Standard SLA policy counts calendar time with first_reply_time high = M minutes.
# Prints the creation rate, the heap of Handoff after a full GC with every journey open, the dev server's
# RSS, and the time from the last journey's breach instant until every journey is HandoffSlaBreached = true.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}; M=${2:-6}; C=${3:-16}
dir=$(mktemp -d /tmp/handoff-timers.XXXXXX)
cp -r workflows "$dir/workflows"
python3 - "$dir/workflows/sla-policies.yaml" "$M" <<'PY'
import sys
p, m = sys.argv[1], sys.argv[2]
s = open(p).read()
s = s.replace("    business_hours: true\n    schedule: support-paris\n", "    business_hours: false\n", 1)
s = s.replace("first_reply_time: {urgent: 1h, high: 2h, normal: 4h, low: 8h}", "first_reply_time: {urgent: 1h, high: %sm, normal: 4h, low: 8h}" % m, 1)
open(p, "w").write(s)
PY
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
HTTP=$(free); TP=$(free)
java -Xmx2g -Dquarkus.http.port="$HTTP" -Dhandoff.temporal.mode=dev-server -Dhandoff.temporal.embedded-port="$TP" \
  -Dhandoff.temporal.dev-server.headless=true -Dhandoff.data-dir="$dir/data" -Dhandoff.workflows-dir="$dir/workflows" \
  -Dhandoff.helpdesk.file="$dir/workflows/helpdesk.yaml" -Dquarkus.log.file.enable=false \
  -jar target/quarkus-app/quarkus-run.jar > "$dir/handoff.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$HTTP/q/health/ready" >/dev/null; do sleep 1; kill -0 $pid; done
run=$(date +%s)
journey() {
  c="t-$run-$1"
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$HTTP/api/conversations/$c/events" -H 'Content-Type: application/json' \
    -d "{\"type\":\"conversation.started\",\"channel\":\"web_widget\",\"customer\":{\"id\":\"$c\",\"name\":\"Load\",\"tier\":\"enterprise\"}}"
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$HTTP/api/conversations/$c/events" -H 'Content-Type: application/json' \
    -d '{"type":"message.received","channel":"web_widget","text":"I want to talk to a human about the price of the enterprise plan"}'
}
export -f journey; export HTTP run
t0=$(date +%s.%N)
seq 1 "$N" | xargs -P "$C" -I{} bash -c 'journey {}'
count() { temporal workflow count --address "127.0.0.1:$TP" --query "$1" 2>/dev/null | awk '{print $2}'; }
until [ "$(count "HandoffStage = 'TICKETED'")" -ge "$N" ]; do sleep 2; done
t1=$(date +%s.%N)
echo "created $N TICKETED journeys in $(echo "$t1 - $t0" | bc) s ($(echo "$N / ($t1 - $t0)" | bc -l | cut -c1-5) journeys/s)"
jcmd $pid GC.run >/dev/null
echo "Handoff heap after full GC, $N journeys open: $(jcmd $pid GC.heap_info | awk '/garbage-first heap|total/{print; exit}')"
echo "Handoff RSS: $(ps -o rss= -p $pid) KB; dev server RSS: $(ps -o rss= -p "$(cat "$dir/data/temporal/handoff-temporal.db.pid")") KB"
# The last journey's first-reply breach is due M minutes after it was ticketed (≈ t1).
due=$(echo "$t1 + $M * 60" | bc)
while :; do
  b=$(count "HandoffSlaBreached = true"); now=$(date +%s.%N)
  if [ "${b:-0}" -ge "$N" ]; then break; fi
  sleep 2
done
echo "all $N breaches recorded $(echo "$now - $due" | bc) s after the last one was due (upper bound: measured from when the last journey was seen TICKETED)"
echo "data: $dir"
