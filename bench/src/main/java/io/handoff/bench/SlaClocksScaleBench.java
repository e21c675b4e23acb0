package io.handoff.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.sla.clock.SlaClocks;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.inactivity.InactivityPolicyLoader;
import io.handoff.sla.inactivity.InactivityTracker;
import io.handoff.sla.policy.SlaPolicies;
import io.handoff.sla.policy.SlaPolicyLoader;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Scale check of the pure SLA and inactivity state (no Temporal): N journeys each holding the
 * "Standard" policy's clocks (7 metrics, business hours) and an inactivity ladder. Prints retained heap,
 * serialized state size, time to compute every next deadline, and time to fire everything after a
 * 30-day virtual jump. Run: {@code ./mvnw -o -q -Pbench test -Dtest=SlaClocksScaleBench -Dbench.n=10000}.
 */
class SlaClocksScaleBench {

  @Test
  void tenThousandJourneys() {
    int n = Integer.getInteger("bench.n", 10_000);
    BusinessHours hours = BusinessHoursLoader.load(Path.of("workflows/business-hours.yaml")).orThrow();
    SlaPolicies policies = SlaPolicyLoader.load(Path.of("workflows/sla-policies.yaml"), hours).orThrow();
    InactivityPolicy inactivity = InactivityPolicyLoader.load(Path.of("workflows/inactivity.yaml")).orThrow();
    SlaTargets targets = policies.policies().get(1).targetsFor(TicketPriority.URGENT, hours);
    Instant t0 = Instant.parse("2026-03-02T08:00:00Z");

    long heapBefore = usedHeap();
    SlaClocks[] clocks = new SlaClocks[n];
    InactivityTracker[] trackers = new InactivityTracker[n];
    for (int i = 0; i < n; i++) {
      Instant created = t0.plusSeconds(i);
      clocks[i] = SlaClocks.ticketCreated(created, TicketStatus.NEW, targets);
      clocks[i].publicAgentComment(created.plusSeconds(60));
      clocks[i].statusChanged(created.plusSeconds(61), TicketStatus.OPEN);
      clocks[i].customerComment(created.plusSeconds(120));
      trackers[i] = InactivityTracker.start(inactivity, created.plusSeconds(120));
    }
    long heapAfter = usedHeap();

    long start = System.nanoTime();
    long withDeadline = countDeadlines(clocks, trackers);
    long coldMillis = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    countDeadlines(clocks, trackers);
    long nextMillis = (System.nanoTime() - start) / 1_000_000;

    Instant jump = t0.plus(Duration.ofDays(30));
    start = System.nanoTime();
    long fired = 0;
    for (int i = 0; i < n; i++) {
      fired += clocks[i].fire(jump).size();
      fired += trackers[i].fire(jump).size();
    }
    long fireMillis = (System.nanoTime() - start) / 1_000_000;
    int stateBytes = DefaultDataConverter.STANDARD_INSTANCE.toPayload(clocks[0].snapshot()).orElseThrow()
        .getData().size();

    System.out.printf("bench.n=%d retainedHeapMB=%.1f (%.0f bytes/journey) slaStateJsonBytes=%d%n", n,
        (heapAfter - heapBefore) / 1e6, (double) (heapAfter - heapBefore) / n, stateBytes);
    System.out.printf("nextDeadline for all: %d ms cold, %d ms warm (%d pending); fire after 30-day jump: %d ms"
        + " (%d firings, %.1f per journey)%n", coldMillis, nextMillis, withDeadline, fireMillis, fired, (double) fired / n);
    assertEquals(2L * n, withDeadline);
    assertEquals(0, clocks[n - 1].pendingDeadlines().size());
  }

  private static long countDeadlines(SlaClocks[] clocks, InactivityTracker[] trackers) {
    long count = 0;
    for (int i = 0; i < clocks.length; i++) {
      count += clocks[i].nextDeadline().isPresent() ? 1 : 0;
      count += trackers[i].nextDeadline().isPresent() ? 1 : 0;
    }
    return count;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
