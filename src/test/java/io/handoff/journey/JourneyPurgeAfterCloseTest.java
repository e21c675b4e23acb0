package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.model.Stage;
import io.handoff.persistence.Journal;
import io.handoff.privacy.JourneyPurge;
import io.handoff.ticket.TicketChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real journeys, run to CLOSED and left open, then purged: the closed one leaves no row in any table
 * (including the journal and the built-in helpdesk), the open one keeps everything and stays restorable.
 */
@Timeout(120)
class JourneyPurgeAfterCloseTest {

  @Test
  void aPurgedClosedJourneyLeavesNothingAndAnOpenOneKeepsEverything() throws Exception {
    try (JourneyTestEnv t = JourneyTestEnv.withDefaults()) {
      Journal journal = new Journal(t.db);
      runToClosed(t, journal, "gone");
      deliver(t, journal, t.event("kept", EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
      deliver(t, journal, t.event("kept", EventType.MESSAGE_RECEIVED, "I need a refund for my last order",
          CustomerJourneyWorkflowTest.ENTERPRISE));
      t.env.sleep(Duration.ofSeconds(5));
      assertThat(t.view("gone").stage()).isEqualTo(Stage.CLOSED);
      assertThat(t.view("kept").stage()).isEqualTo(Stage.TICKETED);
      Map<String, Long> keptBefore = rows(t, "kept");
      Map<String, Long> goneBefore = rows(t, "gone");
      // Outbox messages depend on business hours at the test's wall-clock start; JourneyPurgeTest covers them.
      assertThat(goneBefore).extractingByKeys("journeys", "journey_timeline", "routing_decisions", "journal",
          "outbox_notification", "tickets", "ticket_comments", "ticket_idempotency_keys").allMatch(n -> n > 0);

      JourneyPurge.Report r = new JourneyPurge(t.db).purge(new JourneyPurge.Request(Duration.ofDays(1), null,
          t.now().plus(Duration.ofDays(2)), false));

      assertThat(r.journeys()).isEqualTo(1);
      assertThat(rows(t, "gone")).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
      assertThat(rows(t, "kept")).isEqualTo(keptBefore);
      assertThat(keptBefore).extractingByKeys("journeys", "journal", "journey_timeline", "tickets")
          .allMatch(n -> n > 0);
      assertThat(journal.openJourneys()).containsOnlyKeys("journey-kept");
    }
  }

  /** Start, message, agent reply, solved, closed; every event journaled as the REST layer does. */
  private static void runToClosed(JourneyTestEnv t, Journal journal, String id) {
    deliver(t, journal, t.event(id, EventType.CONVERSATION_STARTED, null, CustomerJourneyWorkflowTest.ENTERPRISE));
    deliver(t, journal, t.event(id, EventType.MESSAGE_RECEIVED, "My app crashes when I log in",
        CustomerJourneyWorkflowTest.ENTERPRISE));
    t.env.sleep(Duration.ofSeconds(5));
    String ticketId = t.view(id).ticket().id();
    t.command(id, CustomerJourneyWorkflowTest.comment(ticketId, "Sorry, which version?"));
    t.command(id, CustomerJourneyWorkflowTest.change(ticketId, TicketChange.builder().status("solved").build()));
    t.command(id, CustomerJourneyWorkflowTest.change(ticketId, TicketChange.builder().status("closed").build()));
    t.env.sleep(Duration.ofSeconds(5));
  }

  private static void deliver(JourneyTestEnv t, Journal journal, JourneyEvent e) {
    journal.append(JourneyIds.journeyId(e.conversationId()), e.eventId(), "event", "{}", t.now());
    t.send(e);
  }

  /** Rows per table that belong to one conversation's journey. */
  private static Map<String, Long> rows(JourneyTestEnv t, String conversation) throws Exception {
    String j = JourneyIds.journeyId(conversation);
    String ofTickets = " WHERE ticket_id IN (SELECT id FROM tickets WHERE external_id = '" + conversation + "')";
    Map<String, String> queries = new LinkedHashMap<>();
    for (String table : new String[] {"journeys", "journey_timeline", "routing_decisions", "journal"}) {
      queries.put(table, "SELECT COUNT(*) FROM " + table + " WHERE journey_id = '" + j + "'");
    }
    queries.put("outbox_message", "SELECT COUNT(*) FROM outbox_message WHERE conversation_id = '" + conversation + "'");
    queries.put("outbox_notification", "SELECT COUNT(*) FROM outbox_notification WHERE idempotency_key LIKE '" + j
        + "/%'");
    queries.put("tickets", "SELECT COUNT(*) FROM tickets WHERE external_id = '" + conversation + "'");
    queries.put("ticket_comments", "SELECT COUNT(*) FROM ticket_comments" + ofTickets);
    queries.put("ticket_idempotency_keys", "SELECT COUNT(*) FROM ticket_idempotency_keys" + ofTickets);
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = t.db.getConnection()) {
      for (var q : queries.entrySet()) {
        try (ResultSet rs = c.createStatement().executeQuery(q.getValue())) {
          rs.next();
          out.put(q.getKey(), rs.getLong(1));
        }
      }
    }
    return out;
  }
}
