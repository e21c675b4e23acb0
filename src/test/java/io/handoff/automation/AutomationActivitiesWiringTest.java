package io.handoff.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The automation activities resolve under CDI and plan with the shipped automations.yaml. */
@QuarkusTest
class AutomationActivitiesWiringTest {

  @Inject
  AutomationActivities automations;

  @Test
  void theShippedPendingReminderIsPlannedFortyEightHoursAfterPending() {
    Instant pending = Instant.parse("2026-11-25T10:00:00Z");
    Ticket t = new Ticket("1", null, "Refund", "", TicketStatus.PENDING, TicketPriority.NORMAL, null, "billing",
        "ana.souza", "u-1", "Ana", "ana@example.com", null, Set.of(), Map.of(), List.of(), "web_widget", pending,
        pending);
    AutomationPlanner.Due due = automations.plan(new AutomationFacts("wiring", t, Map.of("pending", pending), pending,
        pending, null, null, null, "active", Map.of(), Set.of(), pending));
    assertEquals(new AutomationPlanner.Due(pending.plusSeconds(48 * 3600),
        "AUT - Remind requester of a ticket pending 48 hours"), due);
  }
}
