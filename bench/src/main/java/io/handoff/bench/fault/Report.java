package io.handoff.bench.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The fault harness's figures, printed as Markdown for docs/fault-tolerance.md. */
final class Report {
  final int journeys;
  final int concurrency;
  Duration firstStart;
  Duration restart;
  Instant killedAt;
  int killedAfterEvents;
  double driveSeconds;
  double settleSeconds;
  int accepted;
  int postRetries;
  int duplicateAcks;
  int refused;
  int neverAccepted;
  int unsettled;
  int stageOk;
  int eventsLost;
  int eventsDuplicated;
  int ticketedJourneys;
  int oneTicket;
  int oneComment;
  int duplicateTickets;
  int triages;
  int llmAnswered;
  int fallbackInView;
  java.util.concurrent.atomic.AtomicInteger projectedViews = new java.util.concurrent.atomic.AtomicInteger();
  final Map<String, Integer> fallbacks = new TreeMap<>();
  Map<String, Integer> retries = Map.of();
  Map<String, Long> llmServed = Map.of();
  Map<String, Long> zendeskServed = Map.of();
  final List<String> failures = new ArrayList<>();
  /** Issue 15's cases (argument issue15). */
  boolean issue15;
  int busy503;
  int honestRetries;
  int conflicts409;
  int notificationFailed;
  int pricingJourneys;

  Report(int journeys, int concurrency) {
    this.journeys = journeys;
    this.concurrency = concurrency;
  }

  boolean passed() {
    return failures.isEmpty() && unsettled == 0 && refused == 0 && neverAccepted == 0 && stageOk == journeys;
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    row(b, "journeys (concurrency)", journeys + " (" + concurrency + ")");
    row(b, "reached their expected final stage", stageOk + " / " + journeys);
    row(b, "events accepted (202) / lost / duplicated in a timeline", accepted + " / " + eventsLost + " / "
        + eventsDuplicated);
    row(b, "POSTs retried by the client (same Idempotency-Key) / answered duplicate / refused", postRetries + " / "
        + duplicateAcks + " / " + refused);
    row(b, "events never accepted (no answer within 2 min of retries)", String.valueOf(neverAccepted));
    row(b, "Handoff killed (SIGKILL) after accepted events", String.valueOf(killedAfterEvents));
    row(b, "Handoff start / restart to ready", seconds(firstStart) + " / " + seconds(restart));
    row(b, "handed-off journeys with exactly one Zendesk ticket (= the journey's)", oneTicket + " / " + ticketedJourneys);
    row(b, "duplicate Zendesk tickets", String.valueOf(duplicateTickets));
    row(b, "follow-up messages posted exactly once as a ticket comment", oneComment + " / " + ticketedJourneys);
    row(b, "AI triages / answered by the LLM / fell back to offline", triages + " / " + llmAnswered + " / "
        + fallbacks.values().stream().mapToInt(Integer::intValue).sum());
    row(b, "fallbacks by reason (recorded in the triage decision)", fallbacks.toString());
    row(b, "journeys whose current AI decision shows its fallback reason", String.valueOf(fallbackInView));
    row(b, "LLM responses served", llmServed + ", total " + llmServed.values().stream().mapToLong(Long::longValue).sum());
    row(b, "Zendesk responses served", zendeskServed.toString());
    row(b, "activity retries by type (Temporal histories)", retries.toString());
    row(b, "all events posted / all journeys settled", String.format("%.0f s / %.0f s", driveSeconds, settleSeconds));
    row(b, "journeys not settled 4 min after the last event", String.valueOf(unsettled));
    if (issue15) {
      row(b, "issue 15: honest retries answered duplicate:true / reused ids answered 409 eventId", honestRetries + " / "
          + conflicts409 + " (of " + journeys + " each)");
      row(b, "issue 15: pricing journeys ticketed with their failed sales-alerts webhook recorded",
          notificationFailed + " / " + pricingJourneys);
      row(b, "issue 15: event POSTs answered 503 with Retry-After (then retried)", String.valueOf(busy503));
    }
    row(b, "journey views served from the index (query not answered within 5 s)", String.valueOf(projectedViews.get()));
    if (!failures.isEmpty()) {
      b.append("\nFailures (first 30):\n");
      failures.stream().limit(30).forEach(f -> b.append("- ").append(f).append('\n'));
    }
    return "| figure | value |\n|---|---|\n" + b;
  }

  private static void row(StringBuilder b, String k, String v) {
    b.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  private static String seconds(Duration d) {
    return d == null ? "-" : String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
