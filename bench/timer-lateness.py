#!/usr/bin/env python3
# Lateness of fired timers in a dev-server run's history (docs/benchmarks.md, "Open journeys with SLA timers").
# Open the run's SQLite file with a dev server of its own, then sample journeys:
#   temporal server start-dev --db-filename <run>/data/temporal/handoff-temporal.db --port 7299 --headless &
#   bench/timer-lateness.py 127.0.0.1:7299 2026-12-04T06:11:00 300
# The second argument is when the run stopped its server (UTC): timers due after it fire only when the file
# is opened again and are left out. Lateness = TIMER_FIRED time - (TIMER_STARTED time + startToFireTimeout).
import json, random, statistics, subprocess, sys
from datetime import datetime, timezone

def instant(s):
    s = s.rstrip('Z')
    if '.' in s:
        whole, frac = s.split('.')
        s = whole + '.' + frac[:6]
    return datetime.fromisoformat(s).replace(tzinfo=timezone.utc).timestamp()

def temporal(*args):
    out = subprocess.run(['temporal', *args, '--address', address, '-o', 'json'], capture_output=True, text=True)
    return json.loads(out.stdout)

address, stopped, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
stop = datetime.fromisoformat(stopped).replace(tzinfo=timezone.utc).timestamp()
runs = temporal('workflow', 'list', '--limit', '100000')
random.seed(1)
late, after = [], 0
for run in random.sample(runs, min(size, len(runs))):
    started = {}
    for e in temporal('workflow', 'show', '-w', run['execution']['workflowId'])['events']:
        kind = e.get('eventType')
        if kind == 'EVENT_TYPE_TIMER_STARTED':
            a = e['timerStartedEventAttributes']
            started[e['eventId']] = instant(e['eventTime']) + float(a['startToFireTimeout'].rstrip('s'))
        elif kind == 'EVENT_TYPE_TIMER_FIRED':
            due = started.get(e['timerFiredEventAttributes']['startedEventId'])
            if due is None:
                continue
            if due > stop:
                after += 1
            else:
                late.append(instant(e['eventTime']) - due)
late.sort()
print(f"{min(size, len(runs))} journeys, {len(late)} timers due while the server ran: median {statistics.median(late):.3f} s,"
      f" p95 {late[int(0.95 * len(late)) - 1]:.3f} s, max {late[-1]:.3f} s; {after} due after it stopped (left out)")
