package io.handoff.sla.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.sla.clock.SlaClocks;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaPoliciesTest {

  static final SlaPolicies POLICIES =
      SlaPolicyLoader.load(Path.of("workflows/sla-policies.yaml"), SlaPolicyLoaderTest.HOURS).orThrow();
  static final SlaPolicyMatcher MATCHER = new TestMatcher();
  // Monday 2 March 2026, 10:00 in Paris.
  static final Instant MONDAY_10_PARIS = Instant.parse("2026-03-02T09:00:00Z");

  static Ticket ticket(TicketPriority priority, String... tags) {
    return new Ticket("1", null, "Help", "Help me", TicketStatus.OPEN, priority, null, null, null, "c1", "Ana",
        "ana@example.com", null, Set.of(tags), null, null, "web_widget", MONDAY_10_PARIS, MONDAY_10_PARIS);
  }

  @Test
  void firstMatchingPolicyInFileOrderApplies() {
    assertEquals("VIP customers", POLICIES.targetsFor(ticket(TicketPriority.HIGH, "vip", "billing"), MATCHER).policy());
    assertEquals("Standard", POLICIES.targetsFor(ticket(TicketPriority.HIGH, "billing"), MATCHER).policy());
  }

  @Test
  void noMatchingPolicyMeansNoTargets() {
    SlaPolicies onlyVip = new SlaPolicies(POLICIES.policies().subList(0, 1), POLICIES.businessHours());
    assertEquals(SlaTargets.NONE, onlyVip.targetsFor(ticket(TicketPriority.URGENT), MATCHER));
  }

  @Test
  void priorityRaiseReschedulesTheClocksFromThePolicy() {
    Ticket normal = ticket(TicketPriority.NORMAL);
    SlaClocks clocks = SlaClocks.ticketCreated(MONDAY_10_PARIS, TicketStatus.OPEN, POLICIES.targetsFor(normal, MATCHER));
    // Standard, normal: first reply 4h of Paris business hours with a 12:30-13:30 lunch break.
    assertEquals(Instant.parse("2026-03-02T14:00:00Z"), clocks.pendingDeadlines().stream()
        .filter(d -> d.metric() == SlaMetric.FIRST_REPLY_TIME && d.percent() == 100).findFirst().orElseThrow().at());
    Instant later = MONDAY_10_PARIS.plus(Duration.ofMinutes(30));
    clocks.targetsChanged(later, POLICIES.targetsFor(ticket(TicketPriority.URGENT), MATCHER));
    assertEquals(Instant.parse("2026-03-02T10:00:00Z"), clocks.pendingDeadlines().stream()
        .filter(d -> d.metric() == SlaMetric.FIRST_REPLY_TIME && d.percent() == 100).findFirst().orElseThrow().at());
    assertTrue(clocks.view(later).stream().anyMatch(v -> v.metric() == SlaMetric.PERIODIC_UPDATE_TIME));
  }
}
